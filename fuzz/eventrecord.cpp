// The journal's binary event record (Core::TrackedEvent::deserialize) on arbitrary bytes,
// as a damaged journal would present them: never a crash or an over-read, and whatever
// it accepts is written back (serialize) as exactly the bytes it was read from; a record
// of format 1 (before visitor ids and countries) comes back as format 2 with the same
// fields and both new ones null.
#include "fuzzsupport.h"

#include "core/ingest/trackedevent.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray in = FuzzSupport::bytes(data, size);
    const std::optional<Core::TrackedEvent> event = Core::TrackedEvent::deserialize(in);
    if (!event)
        return 0;
    const QByteArray out = event->serialize();
    FUZZ_CHECK(!out.isEmpty() && quint8(out.front()) == Core::TrackedEvent::FormatVersion);
    if (quint8(in.front()) == 1) {
        // Format 1: the same fields, then a null visitor id and a null country (4 bytes each).
        constexpr qsizetype Added = 8;
        FUZZ_CHECK(event->visitorId.isNull() && event->country.isNull());
        FUZZ_CHECK(out.size() - Added <= in.size());
        FUZZ_CHECK(out.sliced(1, out.size() - Added - 1) == in.sliced(1, out.size() - Added - 1));
        FUZZ_CHECK(out.last(Added) == QByteArray(Added, '\xff'));
        const std::optional<Core::TrackedEvent> again = Core::TrackedEvent::deserialize(out);
        FUZZ_CHECK(again && again->serialize() == out);
        return 0;
    }
    // A record may be followed by bytes it does not use; the ones it used come back unchanged.
    FUZZ_CHECK(out.size() <= in.size());
    FUZZ_CHECK(out == in.first(out.size()));
    return 0;
}
