#include "countrylookup.h"

#include <QDateTime>
#include <QFileInfo>

#include <maxminddb.h>

#include <cstring>

namespace Core {

struct CountryLookup::Handle
{
    MMDB_s db{};
    ~Handle() { MMDB_close(&db); }
};

namespace {
// The two-letter code at `path` in the entry, or an empty string.
QString isoCodeAt(MMDB_entry_s *entry, const char *const *path)
{
    MMDB_entry_data_s data{};
    if (MMDB_aget_value(entry, &data, path) != MMDB_SUCCESS || !data.has_data ||
        data.type != MMDB_DATA_TYPE_UTF8_STRING || data.data_size != 2)
        return {};
    const char a = data.utf8_string[0], b = data.utf8_string[1];
    const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (!upper(a) || !upper(b))
        return {};
    return QString(QLatin1String(data.utf8_string, 2));
}
} // namespace

std::unique_ptr<CountryLookup> CountryLookup::open(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = QStringLiteral("%1 does not exist (download GeoLite2-Country or DB-IP Country Lite; see "
                                "docs/operations.md)")
                     .arg(path);
        return nullptr;
    }
    if (!info.isFile() || !info.isReadable()) {
        *error = QStringLiteral("%1 is not a readable file").arg(path);
        return nullptr;
    }
    auto handle = std::make_unique<Handle>();
    const int status = MMDB_open(QFile::encodeName(path).constData(), MMDB_MODE_MMAP, &handle->db);
    if (status != MMDB_SUCCESS) {
        std::memset(&handle->db, 0, sizeof handle->db); // nothing to close
        *error = QStringLiteral("%1 is not a MaxMind DB file (.mmdb): %2")
                     .arg(path, QString::fromUtf8(MMDB_strerror(status)));
        return nullptr;
    }
    const QString type = QString::fromUtf8(handle->db.metadata.database_type);
    if (!type.contains(QLatin1String("Country"), Qt::CaseInsensitive) &&
        !type.contains(QLatin1String("City"), Qt::CaseInsensitive)) {
        *error = QStringLiteral("%1 is a %2 database, which has no countries (use GeoLite2-Country or DB-IP "
                                "Country Lite)")
                     .arg(path, type);
        return nullptr;
    }
    const QString built = QDateTime::fromSecsSinceEpoch(qint64(handle->db.metadata.build_epoch), Qt::UTC)
                              .date()
                              .toString(Qt::ISODate);
    return std::unique_ptr<CountryLookup>(
        new CountryLookup(std::move(handle), QStringLiteral("%1, built %2").arg(type, built)));
}

CountryLookup::CountryLookup(std::unique_ptr<Handle> handle, QString description)
    : m_handle(std::move(handle)), m_description(std::move(description))
{}

CountryLookup::~CountryLookup() = default;

QString CountryLookup::countryOf(const QString &address) const
{
    const QByteArray text = address.toLatin1();
    if (text.isEmpty() || text.size() > 64 || address.size() != text.size())
        return Unknown;
    int gaiError = 0, mmdbError = 0;
    MMDB_lookup_result_s result = MMDB_lookup_string(&m_handle->db, text.constData(), &gaiError, &mmdbError);
    if (gaiError != 0 || mmdbError != MMDB_SUCCESS || !result.found_entry)
        return Unknown;
    static const char *const country[] = {"country", "iso_code", nullptr};
    static const char *const registered[] = {"registered_country", "iso_code", nullptr};
    QString code = isoCodeAt(&result.entry, country);
    if (code.isEmpty())
        code = isoCodeAt(&result.entry, registered);
    return code.isEmpty() ? QString(Unknown) : code;
}

} // namespace Core
