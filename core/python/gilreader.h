#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace ThreadLab {

struct GilLayout;

// Reads a running CPython's GIL from outside, as py-spy reads an interpreter's state: the
// interpreter's `_PyRuntime` is found in the executable's (or libpython's) dynamic symbols, and
// each read() copies the GIL's fields with one process_vm_readv — no ptrace stop, no code in the
// Python process. ThreadLab may read its own descendants (the kernel's ptrace access rules allow
// that, also under Yama scope 1).
//
// CPython 3.11's "new GIL" (Python/ceval_gil.h) keeps, in _PyRuntime.ceval.gil: the switch
// interval (µs), last_holder (a PyThreadState*), locked, and switch_number, which rises only when
// the GIL passes to a *different* thread: an exact hand-over count even between two reads. While
// locked, last_holder is the holder; its native thread id (what threading.get_native_id() and
// /proc/PID/task show) is read from the thread state. One reading is one process_vm_readv: it
// copies the GIL's fields and, in the same call, the thread id field of every thread state that
// has held the GIL lately (up to maxKnownHolders), so the holder's id is read at the same moment
// as the GIL, never taken from a cache (a freed thread state's address is reused by later
// threads). Only a thread state's first hold costs a second call.
//
// From 3.12 the GIL belongs to the interpreter: _PyRuntime.interpreters.head leads to the main
// interpreter's state, whose ceval.gil points to its GIL; the fields are the same.
//
// Supported: CPython 3.11 (Debian 12's interpreter), 3.12 and 3.13 on Linux x86-64. Elsewhere
// attach() says why not in one line, and the caller shows the GIL as not observed.
class GilReader
{
public:
    struct State
    {
        bool locked = false;
        std::uint64_t holderTid = 0;    // native thread id of the holder while locked, else 0
        std::uint64_t switchNumber = 0; // hand-overs since the interpreter started
        std::uint64_t intervalUs = 0;   // sys.getswitchinterval() in µs
    };

    static GilReader attach(std::int64_t pid, int majorVersion, int minorVersion);

    bool attached() const noexcept { return m_error.isEmpty(); }
    const QString& error() const noexcept { return m_error; }
    std::int64_t pid() const noexcept { return m_pid; }
    // The address of _PyRuntime in the process (for tests and diagnostics).
    std::uint64_t runtimeAddress() const noexcept { return m_runtime; }

    // One reading; false (and error() set) when the process has gone or cannot be read.
    bool read(State& out);
    // process_vm_readv calls made so far (about one per reading).
    std::uint64_t memoryReads() const noexcept { return m_memoryReads; }

    // How many thread states' ids each reading copies besides the GIL's fields.
    static constexpr std::size_t maxKnownHolders = 16;
    // How far past its PyInterpreterState's start an interpreter's own GIL may lie (3.13's is at
    // 0x1e48 in pyenv's build).
    static constexpr std::uint64_t maxInterpreterSize = 0x100000;

    // The value of a dynamic symbol of an ELF file as linked (before any load offset); 0 and
    // *error set when the file is not a 64-bit ELF or has no such symbol.
    static std::uint64_t dynamicSymbol(const QString& file, const char* name, QString* error,
                                       bool* positionIndependent = nullptr, std::uint64_t* firstLoadAddress = nullptr);

private:
    // Where the GIL's fields are, from _PyRuntime (3.11) or through the main interpreter (3.12+).
    bool locateGil(const GilLayout& layout, const QString& file, int major, int minor);
    bool readMemory(std::uint64_t address, void* into, std::size_t size);
    // Reads the GIL's fields and the ids of the known holders; false when the GIL cannot be read.
    bool readGilAndKnownHolders(void* gil, std::size_t gilSize);
    // The native id of the thread state at `holder`: from this reading, else read now.
    bool holderTid(std::uint64_t holder, std::uint64_t& tid);

    std::int64_t m_pid = 0;
    QString m_error;
    std::uint64_t m_runtime = 0;
    std::uint64_t m_gil = 0;       // address of _PyRuntime.ceval.gil.interval
    std::uint64_t m_tidOffset = 0; // PyThreadState.native_thread_id
    std::vector<std::uint64_t> m_knownHolders; // thread state addresses, the latest holder first
    std::vector<std::uint64_t> m_knownTids;    // their ids as this reading found them
    std::size_t m_knownRead = 0;               // how many of them this reading read
    std::uint64_t m_memoryReads = 0;
};

} // namespace ThreadLab
