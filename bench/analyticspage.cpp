// How long the desktop app's Analytics page takes to show a 30-day report once the
// response has arrived (issue 16: < 300 ms): cards, the traffic chart, twelve full top
// lists, laid out and painted into an image at 1280x800, as the offscreen platform does.
// Usage: QT_QPA_PLATFORM=offscreen zenovay-bench-analyticspage [runs=30]
#include "ui/client/apiclient.h"
#include "ui/pages/analyticspage.h"
#include "ui/workspace.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

namespace {
Gui::WebsiteAnalytics thirtyDays(int variant)
{
    Gui::WebsiteAnalytics a;
    a.websiteId = QStringLiteral("bench");
    a.to = QDate(2026, 12, 1);
    a.from = a.to.addDays(-29);
    a.totals = {120'000 + variant, 41'000, 52'000, 3'100, 48.5, 95};
    a.previous = Gui::AnalyticsTotals{100'000, 39'000, 50'000, 2'900, 51.0, 88};
    for (int d = 0; d < 30; ++d)
        a.timeseries.append({QDateTime(a.from.addDays(d), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(),
                             3'000 + 37 * ((d * 7 + variant) % 40), 1'200 + 11 * ((d * 5 + variant) % 30)});
    const auto list = [variant](const QString &prefix) {
        QList<Gui::AnalyticsCount> out;
        for (int i = 0; i < 10; ++i)
            out.append({prefix + QString::number(i + variant % 3), 10'000 / (i + 1)});
        return out;
    };
    a.pages = list(QStringLiteral("/products/category/item-"));
    a.entryPages = list(QStringLiteral("/landing/"));
    a.exitPages = list(QStringLiteral("/checkout/step-"));
    a.referrers = list(QStringLiteral("news.example.org/"));
    a.utmSources = list(QStringLiteral("newsletter-"));
    a.utmMediums = list(QStringLiteral("email-"));
    a.utmCampaigns = list(QStringLiteral("winter-sale-"));
    a.browsers = list(QStringLiteral("Browser "));
    a.os = list(QStringLiteral("System "));
    a.devices = list(QStringLiteral("device-"));
    a.events = list(QStringLiteral("signup-"));
    const QStringList codes{QStringLiteral("US"), QStringLiteral("DE"), QStringLiteral("GB"), QStringLiteral("FR"),
                            QStringLiteral("NL"), QStringLiteral("CA"), QStringLiteral("IN"), QStringLiteral("BR"),
                            QStringLiteral("JP"), QStringLiteral("XX")};
    for (int i = 0; i < codes.size(); ++i)
        a.countries.append({codes.at(i), 9'000 / (i + 1)});
    return a;
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int runs = argc > 1 ? qBound(1, QString::fromLocal8Bit(argv[1]).toInt(), 1000) : 30;
    Gui::ApiClient client;
    Gui::Workspace workspace(&client);
    Gui::AnalyticsPage page(&workspace);
    page.resize(1280, 800);
    page.show();
    QCoreApplication::processEvents();
    QList<double> ms;
    for (int run = 0; run <= runs; ++run) {
        const Gui::WebsiteAnalytics report = thirtyDays(run);
        QElapsedTimer timer;
        timer.start();
        page.showReport(report);
        const QImage frame = page.grab().toImage(); // layout and paint, as a frame on screen
        const double elapsed = double(timer.nsecsElapsed()) / 1e6;
        if (frame.isNull())
            return 1;
        if (run > 0) // the first run also loads fonts and styles
            ms.append(elapsed);
        QCoreApplication::processEvents();
    }
    std::sort(ms.begin(), ms.end());
    QTextStream(stdout) << "analytics page, 30-day report, " << runs << " runs: p50 "
                        << QString::number(ms.at(ms.size() / 2), 'f', 1) << " ms, p90 "
                        << QString::number(ms.at(ms.size() * 9 / 10), 'f', 1) << " ms, max "
                        << QString::number(ms.last(), 'f', 1) << " ms\n";
    return 0;
}
