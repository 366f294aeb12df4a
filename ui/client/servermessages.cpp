#include "servermessages.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <array>

namespace Gui {

namespace {
// The server's messages (core/accounts, core/websites) that people meet in forms and
// banners. %1 stands for a number or a name the server fills in.
constexpr std::array Known = {
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "A user with this email already exists"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Email domain must not end with a dot"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Email is required"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Email must not contain invisible or control characters"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Email too long (max %1 characters)"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Invalid URL format"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Invalid email address"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Member not found"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Name is required"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Name must not contain control characters"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Name too long (max %1 characters)"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "No user with this email"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Only a server admin may change a team's plan"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Only an owner of the team may do this"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Only an owner or admin of the team may delete its websites"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Only an owner or admin of the team may do this"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Password is required"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Password too long (max %1 characters)"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Password too short (min %1 characters)"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Team not found"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "This account is disabled"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "This user is already a member of the team"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "URL is required"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "URL too long (max %1 characters)"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "User not found"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "Website not found"),
    QT_TRANSLATE_NOOP("Gui::ServerMessages", "You cannot disable your own account"),
};
} // namespace

QString localizedServerMessage(const QString &message)
{
    for (const char *known : Known) {
        const QString source = QString::fromUtf8(known);
        const qsizetype at = source.indexOf(QLatin1String("%1"));
        if (at < 0) {
            if (message == source)
                return QCoreApplication::translate("Gui::ServerMessages", known);
            continue;
        }
        const QRegularExpression pattern(QRegularExpression::anchoredPattern(
            QRegularExpression::escape(source.left(at)) + QStringLiteral("(.+?)") +
            QRegularExpression::escape(source.mid(at + 2))));
        const QRegularExpressionMatch m = pattern.match(message);
        if (m.hasMatch()) {
            bool isNumber = false;
            const qlonglong n = m.captured(1).toLongLong(&isNumber);
            return QCoreApplication::translate("Gui::ServerMessages", known)
                .arg(isNumber ? QLocale().toString(n) : m.captured(1));
        }
    }
    return message;
}

} // namespace Gui
