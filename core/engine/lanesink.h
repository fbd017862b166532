#pragma once

#include "tasks/eventsink.h"

namespace ThreadLab {

class Lane;

// An EventSink that records into a lane with the current MonoClock time.
class LaneSink final : public EventSink
{
public:
    explicit LaneSink(Lane* lane)
        : m_lane(lane)
    {
    }
    void state(WorkerState s, std::uint32_t arg = 0) override;
    void output(std::string_view line) override;
    void queuePut(std::int64_t value) override;
    void counterRead(std::int64_t value) override;
    void counterWrite(std::int64_t value) override;

private:
    Lane* m_lane;
};

} // namespace ThreadLab
