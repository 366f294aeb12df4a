#include "emailaddress.h"

#include "spoofcheck.h"
#include "validation.h"

#include <QRegularExpression>

namespace Core::EmailAddress {

namespace {

// Calls fn with each code point of text (a lone surrogate as itself); stops when fn
// returns false.
template <typename Fn>
void forEachCodePoint(const QString &text, Fn fn)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(char16_t(c), text.at(i + 1).unicode());
            ++i;
        }
        if (!fn(c))
            return;
    }
}

// Characters that draw nothing (or only space) and so let two addresses look alike:
// control and format characters (U+200B-U+200D, U+2060, U+FEFF, U+00AD, bidi marks ...),
// unassigned and private-use code points, lone surrogates, line and paragraph separators,
// and the Hangul fillers, which are letters that render blank.
bool isInvisible(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0;
    }
}

bool isMark(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
           category == QChar::Mark_Enclosing;
}

// Outside ASCII, an address is letters and digits: non-ASCII punctuation and symbols
// (U+00B7 middle dot, U+2027 hyphenation point, emoji ...) are look-alikes of ASCII
// separators or decoration. NFKC has already turned fullwidth "＠" and "．" into ASCII.
bool isNonAsciiPunctuationOrSymbol(char32_t c)
{
    if (c < 0x80)
        return false;
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
        return false;
    default:
        return true;
    }
}

std::optional<QString> characterProblem(const QString &text)
{
    std::optional<QString> problem;
    forEachCodePoint(text, [&](char32_t c) {
        if (isInvisible(c))
            problem = QStringLiteral("Email must not contain invisible or control characters");
        else if (isMark(c))
            problem = QStringLiteral("Email must not contain combining marks (type accented letters as one "
                                     "character)");
        return !problem;
    });
    return problem;
}

} // namespace

QString normalised(const QString &typed)
{
    QString out = typed.normalized(QString::NormalizationForm_KC).trimmed().toLower();
    // The ideographic full stop separates domain labels like "." (IDNA; NFKC has already
    // turned the fullwidth and halfwidth stops into "." and U+3002).
    out.replace(QChar(0x3002), QLatin1Char('.'));
    return out;
}

QString skeleton(const QString &typed)
{
    // Invisible characters make no difference to the eye (UTS #39 drops default-ignorable
    // code points from skeletons; ICU 72 does not yet). New addresses cannot contain them;
    // addresses stored before that rule can.
    QString visible;
    forEachCodePoint(normalised(typed), [&](char32_t c) {
        if (!isInvisible(c))
            visible.append(QStringView(QChar::fromUcs4(c)));
        return true;
    });
    return SpoofCheck::skeleton(visible);
}

std::optional<QString> problem(const QString &typed)
{
    static const QRegularExpression shape(QStringLiteral(R"(^[^@\s]+@[^@\s]+$)"));
    if (typed.trimmed().isEmpty())
        return QStringLiteral("Email is required");
    if (typed.size() > Validation::MaxEmailLength)
        return QStringLiteral("Email too long (max %1 characters)").arg(Validation::MaxEmailLength);
    // As typed (a decomposed accent is a combining mark) and as it will be stored.
    if (auto p = characterProblem(typed))
        return p;
    const QString address = normalised(typed);
    if (auto p = characterProblem(address))
        return p;
    if (address.size() > Validation::MaxEmailLength)
        return QStringLiteral("Email too long (max %1 characters)").arg(Validation::MaxEmailLength);
    if (!shape.match(address).hasMatch())
        return QStringLiteral("Invalid email address");
    const QString domain = address.section(QLatin1Char('@'), 1);
    if (domain.endsWith(QLatin1Char('.')))
        return QStringLiteral("Email domain must not end with a dot");
    if (domain.startsWith(QLatin1Char('.')) || domain.contains(QLatin1String("..")))
        return QStringLiteral("Invalid email address");
    bool punctuation = false;
    forEachCodePoint(address, [&](char32_t c) { return !(punctuation = isNonAsciiPunctuationOrSymbol(c)); });
    if (punctuation)
        return QStringLiteral("Email must not contain punctuation or symbols other than ASCII ones");
    switch (SpoofCheck::check(address)) {
    case SpoofCheck::Finding::None:
        return std::nullopt;
    case SpoofCheck::Finding::UnusualCharacter:
        return QStringLiteral(
            "Email must not contain letters outside everyday writing (such as small capitals, "
            "phonetic or obsolete letters)");
    case SpoofCheck::Finding::MixedScripts:
        return QStringLiteral("Email must not mix letters of different scripts (such as Latin and Cyrillic)");
    case SpoofCheck::Finding::MixedNumbers:
        return QStringLiteral("Email must not mix digits of different number systems");
    }
    return std::nullopt;
}

} // namespace Core::EmailAddress
