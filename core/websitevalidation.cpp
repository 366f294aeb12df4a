#include "websitevalidation.h"

#include <QUrl>

namespace Core {

QMap<QString, QString> validateWebsiteInput(const std::optional<QString> &name,
                                            const std::optional<QString> &url)
{
    QMap<QString, QString> problems;
    if (name) {
        const QString trimmed = name->trimmed();
        if (trimmed.isEmpty())
            problems.insert(QStringLiteral("name"), QStringLiteral("Name is required"));
        else if (trimmed.size() > 100)
            problems.insert(QStringLiteral("name"), QStringLiteral("Name too long (max 100 characters)"));
    }
    if (url) {
        const QUrl parsed(url->trimmed(), QUrl::StrictMode);
        const QString scheme = parsed.scheme().toLower();
        const bool ok = parsed.isValid() &&
                        (scheme == QLatin1String("http") || scheme == QLatin1String("https")) &&
                        !parsed.host().isEmpty() && !url->contains(QLatin1Char(' ')) && url->size() <= 2048;
        if (!ok)
            problems.insert(QStringLiteral("url"), QStringLiteral("Invalid URL format"));
    }
    return problems;
}

QString websiteDomain(const QString &url)
{
    return QUrl(url.trimmed()).host().toLower();
}

} // namespace Core
