// A session's filtered visits as session_state.filtered stores them
// (Core::EventStore::filteredFromBytes / filteredToBytes): any bytes read without crashing
// or allocating beyond what they hold (a length is checked against the bytes left); what
// reads is a list of open visits whose stored form reads back as the same list, so a
// damaged row never turns into half a state.
#include "fuzzsupport.h"

#include "core/ingest/eventstore.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    FuzzSupport::silenceQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using Core::EventStore;
    const QByteArray bytes = FuzzSupport::bytes(data, size);
    const EventStore::FilteredVisits visits = EventStore::filteredFromBytes(bytes);
    for (const EventStore::FilteredVisit &v : visits) {
        FUZZ_CHECK(v.state.open);
        FUZZ_CHECK(v.scope.filter >= -128 && v.scope.filter <= 127);
    }
    const QByteArray stored = EventStore::filteredToBytes(visits);
    FUZZ_CHECK(visits.empty() == stored.isEmpty());
    FUZZ_CHECK(EventStore::filteredFromBytes(stored) == visits);
    return 0;
}
