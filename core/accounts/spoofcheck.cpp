#include "spoofcheck.h"

#include <QLoggingCategory>

#include <algorithm>

#include <unicode/uset.h>
#include <unicode/uspoof.h>

Q_LOGGING_CATEGORY(lcSpoof, "zenovay.core.spoofcheck")

namespace Core::SpoofCheck {

namespace {

const UChar *utf16(const QString &text)
{
    static_assert(sizeof(UChar) == sizeof(char16_t));
    return reinterpret_cast<const UChar *>(text.utf16());
}

// One checker for the process, configured once; ICU's check and skeleton functions may
// be called on it from several threads at once (uspoof.h, "Thread Safety").
class Checker final
{
public:
    Checker()
    {
        UErrorCode status = U_ZERO_ERROR;
        m_checker = uspoof_open(&status);
        const USet *recommended = uspoof_getRecommendedSet(&status);
        if (U_SUCCESS(status)) {
            // The identifier profile, and printable ASCII for an address's punctuation
            // (@ . + - _ ...); both are then frozen inside the checker.
            USet *allowed = uset_cloneAsThawed(recommended);
            uset_addRange(allowed, 0x21, 0x7E);
            uspoof_setAllowedChars(m_checker, allowed, &status);
            uset_close(allowed);
        }
        uspoof_setRestrictionLevel(m_checker, USPOOF_HIGHLY_RESTRICTIVE);
        uspoof_setChecks(m_checker, USPOOF_RESTRICTION_LEVEL | USPOOF_CHAR_LIMIT | USPOOF_MIXED_NUMBERS,
                         &status);
        if (U_FAILURE(status)) {
            // Fail closed: every address with a character outside ASCII is refused.
            qCCritical(lcSpoof) << "ICU's spoof checker is unavailable:" << u_errorName(status)
                                << "- refusing non-ASCII email addresses";
            uspoof_close(m_checker);
            m_checker = nullptr;
        }
    }
    ~Checker() { uspoof_close(m_checker); }
    Q_DISABLE_COPY_MOVE(Checker)

    const USpoofChecker *get() const { return m_checker; }

private:
    USpoofChecker *m_checker = nullptr;
};

const USpoofChecker *checker()
{
    static const Checker instance;
    return instance.get();
}

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

} // namespace

Finding check(const QString &text)
{
    const USpoofChecker *sc = checker();
    if (!sc)
        return isAscii(text) ? Finding::None : Finding::UnusualCharacter;
    UErrorCode status = U_ZERO_ERROR;
    const int32_t result = uspoof_check2(sc, utf16(text), int32_t(text.size()), nullptr, &status);
    if (U_FAILURE(status)) {
        qCWarning(lcSpoof) << "uspoof_check2 failed:" << u_errorName(status);
        return Finding::UnusualCharacter;
    }
    // Checked in this order: an unusual character also fails the restriction level.
    if (result & USPOOF_CHAR_LIMIT)
        return Finding::UnusualCharacter;
    if (result & USPOOF_RESTRICTION_LEVEL)
        return Finding::MixedScripts;
    if (result & USPOOF_MIXED_NUMBERS)
        return Finding::MixedNumbers;
    return Finding::None;
}

QString skeleton(const QString &text)
{
    const USpoofChecker *sc = checker();
    if (!sc)
        return text;
    QString out(text.size() + 16, Qt::Uninitialized);
    for (int attempt = 0; attempt < 2; ++attempt) {
        UErrorCode status = U_ZERO_ERROR;
        const int32_t length =
            uspoof_getSkeleton(sc, 0, utf16(text), int32_t(text.size()),
                               reinterpret_cast<UChar *>(out.data()), int32_t(out.size()), &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            out.resize(length);
            continue;
        }
        if (U_FAILURE(status)) {
            qCWarning(lcSpoof) << "uspoof_getSkeleton failed:" << u_errorName(status);
            return text;
        }
        out.resize(length);
        return out;
    }
    return text;
}

} // namespace Core::SpoofCheck
