// A website's excluded addresses and a backend's client_ip (core/websites/addresslist.*):
// any text parses or is refused without crashing; what parses reads back as itself from
// its stored form; canonical forms are fixed points; every entry's own address is
// matched by the list; client_ip's canonical form is an address the list logic agrees on.
// Input: the first byte picks the mode; the rest is the text.
#include "fuzzsupport.h"

#include "core/websites/addresslist.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    if (data[0] & 1) {
        // One address, as client_ip or a forwarded address would be.
        const auto canonical = Core::AddressList::canonical(text);
        if (canonical) {
            FUZZ_CHECK(!canonical->isEmpty());
            FUZZ_CHECK(Core::AddressList::canonical(*canonical) == *canonical);
            const auto one = Core::AddressList::parse({*canonical}, nullptr);
            FUZZ_CHECK(one && one->entries() == QStringList{*canonical});
            FUZZ_CHECK(one->contains(text) && one->contains(*canonical));
        }
        return 0;
    }
    QString error;
    const auto list = Core::AddressList::fromText(text, &error);
    if (!list) {
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    FUZZ_CHECK(list->entries().size() <= Core::AddressList::MaxEntries);
    const auto again = Core::AddressList::fromText(list->toText());
    FUZZ_CHECK(again && again->entries() == list->entries());
    for (const QString &entry : list->entries()) {
        const QString address = entry.section(QLatin1Char('/'), 0, 0);
        FUZZ_CHECK(Core::AddressList::canonical(address) == address);
        FUZZ_CHECK(list->contains(address)); // a range holds its own network address
    }
    return 0;
}
