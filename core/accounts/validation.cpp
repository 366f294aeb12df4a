#include "validation.h"

#include "emailaddress.h"

namespace Core::Validation {

qsizetype characterCount(const QString &text)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++n;
    }
    return n;
}

std::optional<QString> checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("Name is required");
    if (characterCount(name) > MaxNameLength)
        return QStringLiteral("Name too long (max %1 characters)").arg(MaxNameLength);
    for (const QChar c : name)
        if (c.category() == QChar::Other_Control)
            return QStringLiteral("Name must not contain control characters");
    return std::nullopt;
}

std::optional<QString> checkEmail(const QString &email)
{
    return EmailAddress::problem(email);
}

std::optional<QString> checkPassword(const QString &password)
{
    if (password.isEmpty())
        return QStringLiteral("Password is required");
    if (characterCount(password) < MinPasswordLength)
        return QStringLiteral("Password too short (min %1 characters)").arg(MinPasswordLength);
    if (password.size() > MaxPasswordLength)
        return QStringLiteral("Password too long (max %1 characters)").arg(MaxPasswordLength);
    return std::nullopt;
}

} // namespace Core::Validation
