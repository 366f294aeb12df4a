// The journal's binary event record (Core::TrackedEvent::deserialize) on arbitrary bytes,
// as a damaged journal would present them: never a crash or an over-read, and whatever
// it accepts is written back (serialize) as exactly the bytes it was read from.
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
    // A record may be followed by bytes it does not use; the ones it used come back unchanged.
    FUZZ_CHECK(out.size() <= in.size());
    FUZZ_CHECK(out == in.first(out.size()));
    return 0;
}
