#include "tasks/interpreterstate.h"

namespace ThreadLab {

void InterpreterState::append(std::int64_t value)
{
    std::lock_guard lock(m_listMutex);
    m_list.push_back(value);
}

std::vector<std::int64_t> InterpreterState::list() const
{
    std::lock_guard lock(m_listMutex);
    return m_list;
}

void InterpreterState::put(std::int64_t value, std::uint32_t fromLane, std::int64_t putNs)
{
    std::function<void()> notify;
    {
        std::lock_guard lock(m_queueMutex);
        m_queue.push_back({value, fromLane, putNs});
        notify = m_notifier;
    }
    if (notify)
        notify();
}

bool InterpreterState::tryGet(QueueItem& item)
{
    std::lock_guard lock(m_queueMutex);
    if (m_queue.empty())
        return false;
    item = m_queue.front();
    m_queue.pop_front();
    return true;
}

std::size_t InterpreterState::queueSize() const
{
    std::lock_guard lock(m_queueMutex);
    return m_queue.size();
}

void InterpreterState::setQueueNotifier(std::function<void()> notifier)
{
    std::lock_guard lock(m_queueMutex);
    m_notifier = std::move(notifier);
}

} // namespace ThreadLab
