#include "countrydb.h"

#include <QFileInfo>
#include <QProcess>

namespace TestSupport {

QString writeCountryDatabase(const QString &dir, QString *error, bool demo)
{
    const QString out = dir + QStringLiteral("/countries.mmdb");
    QProcess perl;
    perl.setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments{QStringLiteral(ZENOVAY_COUNTRY_DB_SCRIPT), out};
    if (demo)
        arguments << QStringLiteral("--demo");
    perl.start(QStringLiteral("perl"), arguments);
    if (!perl.waitForFinished(60'000) || perl.exitStatus() != QProcess::NormalExit || perl.exitCode() != 0 ||
        QFileInfo(out).size() == 0) {
        *error = QStringLiteral("writing the test country database failed (scripts/deps.sh test installs "
                                "libmaxmind-db-writer-perl): %1 %2")
                     .arg(perl.errorString(), QString::fromLocal8Bit(perl.readAll()));
        return {};
    }
    return out;
}

} // namespace TestSupport
