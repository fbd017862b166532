#include "python/gilreader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#if defined(Q_OS_LINUX) && defined(__x86_64__)
#include <elf.h>
#include <sys/uio.h>
#define THREADLAB_GIL_READER 1
#else
#define THREADLAB_GIL_READER 0
#endif

namespace ThreadLab {

// Where CPython keeps what we read, per minor version (measured from Debian's 3.11.2 debug symbols
// and, for 3.12 and 3.13, located from inside pyenv's 3.12.1 and 3.13.0 with ctypes and a marker
// switch interval; checked against running interpreters by tst_gilreader). The GIL's fields are
// interval, last_holder, locked, switch_number, 8 bytes apart. In 3.11 they sit in _PyRuntime
// (ceval.gil); from 3.12 each interpreter has its own, and the main interpreter's PyInterpreterState
// (_PyRuntime.interpreters.head) points to it from ceval.gil.
struct GilLayout
{
    int minor;
    std::uint64_t gilInRuntime;    // 3.11: the GIL's offset in _PyRuntime; 0: through the interpreter
    std::uint64_t interpreterHead; // 3.12+: _PyRuntime.interpreters.head
    std::uint64_t gilPointer;      // 3.12+: PyInterpreterState.ceval.gil
    std::uint64_t nativeThreadId;  // PyThreadState.native_thread_id
};

namespace {

constexpr GilLayout layouts[] = {
    {11, 0x168, 0, 0, 0xa0},
    {12, 0, 0x28, 0x180, 0x90},
    {13, 0, 0x278, 0x10, 0xa0},
};

[[maybe_unused]] const GilLayout* layoutOf(int major, int minor)
{
    for (const GilLayout& l : layouts)
        if (major == 3 && l.minor == minor)
            return &l;
    return nullptr;
}


struct GilFields
{
    std::uint64_t interval;
    std::uint64_t lastHolder;
    std::int32_t locked;
    std::int32_t padding;
    std::uint64_t switchNumber;
};
static_assert(sizeof(GilFields) == 0x20);

} // namespace

#if THREADLAB_GIL_READER

namespace {

// A bounded view of a file's bytes: every read checks that it stays inside.
class ElfImage
{
public:
    explicit ElfImage(QByteArray bytes) : m_bytes(std::move(bytes)) {}
    template <typename T>
    bool at(std::uint64_t offset, T& out) const
    {
        if (offset > static_cast<std::uint64_t>(m_bytes.size()) || sizeof(T) > m_bytes.size() - offset)
            return false;
        std::memcpy(&out, m_bytes.constData() + offset, sizeof(T));
        return true;
    }
    const char* string(std::uint64_t offset, std::uint64_t tableEnd) const
    {
        if (offset >= tableEnd || tableEnd > static_cast<std::uint64_t>(m_bytes.size()))
            return nullptr;
        const char* begin = m_bytes.constData() + offset;
        return std::memchr(begin, 0, tableEnd - offset) ? begin : nullptr;
    }

private:
    QByteArray m_bytes;
};

std::uint64_t lowestLoad(const ElfImage& image, const Elf64_Ehdr& header)
{
    std::uint64_t lowest = ~std::uint64_t(0);
    for (std::uint64_t i = 0; i < header.e_phnum; ++i) {
        Elf64_Phdr ph{};
        if (!image.at(header.e_phoff + i * sizeof(Elf64_Phdr), ph))
            break;
        if (ph.p_type == PT_LOAD && ph.p_vaddr < lowest)
            lowest = ph.p_vaddr & ~std::uint64_t(0xfff);
    }
    return lowest == ~std::uint64_t(0) ? 0 : lowest;
}

std::uint64_t findInDynsym(const ElfImage& image, const Elf64_Ehdr& header, const char* name)
{
    for (std::uint64_t i = 0; i < header.e_shnum; ++i) {
        Elf64_Shdr symbols{};
        if (!image.at(header.e_shoff + i * sizeof(Elf64_Shdr), symbols) || symbols.sh_type != SHT_DYNSYM)
            continue;
        Elf64_Shdr strings{};
        if (!image.at(header.e_shoff + symbols.sh_link * sizeof(Elf64_Shdr), strings))
            return 0;
        const std::uint64_t stringsEnd = strings.sh_offset + strings.sh_size;
        const std::uint64_t count = symbols.sh_entsize ? symbols.sh_size / symbols.sh_entsize : 0;
        for (std::uint64_t k = 0; k < count; ++k) {
            Elf64_Sym sym{};
            if (!image.at(symbols.sh_offset + k * sizeof(Elf64_Sym), sym))
                return 0;
            const char* symName = image.string(strings.sh_offset + sym.st_name, stringsEnd);
            if (symName && std::strcmp(symName, name) == 0 && sym.st_shndx != SHN_UNDEF)
                return sym.st_value;
        }
    }
    return 0;
}

// The file in /proc/PID/maps that defines _PyRuntime (the executable, or libpython in a shared
// build) and where its first page is mapped.
struct Mapped
{
    QString file;
    std::uint64_t start = 0;
};

std::vector<Mapped> mappedFiles(std::int64_t pid)
{
    std::vector<Mapped> files;
    QFile maps(QStringLiteral("/proc/%1/maps").arg(pid));
    if (!maps.open(QIODevice::ReadOnly))
        return files;
    for (const QByteArray& line : maps.readAll().split('\n')) {
        // start-end perms offset dev inode path
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() < 6 || f[2].toULongLong(nullptr, 16) != 0 || !f[5].startsWith('/'))
            continue;
        const QString path = QString::fromLocal8Bit(f[5]);
        bool seen = false;
        for (const Mapped& m : files)
            seen = seen || m.file == path;
        if (!seen)
            files.push_back({path, f[0].split('-').value(0).toULongLong(nullptr, 16)});
    }
    return files;
}

} // namespace

std::uint64_t GilReader::dynamicSymbol(const QString& file, const char* name, QString* error, bool* pie,
                                       std::uint64_t* firstLoad)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("GilReader", "%1: cannot be read").arg(file);
        return 0;
    }
    const ElfImage image(f.readAll());
    Elf64_Ehdr header{};
    if (!image.at(0, header) || std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0
        || header.e_ident[EI_CLASS] != ELFCLASS64) {
        *error = QCoreApplication::translate("GilReader", "%1: not a 64-bit ELF file").arg(file);
        return 0;
    }
    const std::uint64_t value = findInDynsym(image, header, name);
    if (value == 0)
        *error = QCoreApplication::translate("GilReader", "%1: has no %2 symbol").arg(file, QString::fromLatin1(name));
    if (pie)
        *pie = header.e_type == ET_DYN;
    if (firstLoad)
        *firstLoad = lowestLoad(image, header);
    return value;
}

GilReader GilReader::attach(std::int64_t pid, int major, int minor)
{
    GilReader r;
    r.m_pid = pid;
    const GilLayout* layout = layoutOf(major, minor);
    if (!layout) {
        r.m_error = QCoreApplication::translate("GilReader", "reading the GIL of Python %1.%2 is not supported yet (Python 3.11 to 3.13 are)").arg(major).arg(minor);
        return r;
    }
    const std::vector<Mapped> files = mappedFiles(pid);
    if (files.empty()) {
        r.m_error = QCoreApplication::translate("GilReader", "process %1: its memory map cannot be read").arg(pid);
        return r;
    }
    QString firstError;
    for (const Mapped& m : files) {
        const QString base = QFileInfo(m.file).fileName();
        if (!base.startsWith(QLatin1String("python")) && !base.startsWith(QLatin1String("libpython")))
            continue;
        QString error;
        bool pie = false;
        std::uint64_t firstLoad = 0;
        const std::uint64_t value = dynamicSymbol(m.file, "_PyRuntime", &error, &pie, &firstLoad);
        if (value == 0) {
            firstError = firstError.isEmpty() ? error : firstError;
            continue;
        }
        r.m_runtime = pie ? m.start - firstLoad + value : value;
        r.m_tidOffset = layout->nativeThreadId;
        if (r.locateGil(*layout, m.file, major, minor)) {
            // The switch interval is a plausible number of µs (5000 by default) where CPython
            // keeps it, or the offsets do not fit this build.
            State probe;
            if (r.read(probe) && (probe.intervalUs == 0 || probe.intervalUs > 60'000'000))
                r.m_error = QCoreApplication::translate("GilReader", "%1: the GIL is not where CPython %2.%3 keeps it (another build?)").arg(m.file).arg(major).arg(minor);
        }
        return r;
    }
    r.m_error = firstError.isEmpty() ? QCoreApplication::translate("GilReader", "process %1 is not a CPython interpreter (no python executable or libpython mapped)").arg(pid)
                                     : firstError;
    return r;
}

bool GilReader::locateGil(const GilLayout& layout, const QString& file, int major, int minor)
{
    if (layout.gilInRuntime != 0) {
        m_gil = m_runtime + layout.gilInRuntime;
        return true;
    }
    // The main interpreter's own GIL, lying inside its PyInterpreterState: anything else is not
    // the layout we know.
    std::uint64_t interpreter = 0;
    std::uint64_t gil = 0;
    if (!readMemory(m_runtime + layout.interpreterHead, &interpreter, sizeof interpreter))
        return false;
    if (interpreter == 0) {
        m_error = QCoreApplication::translate("GilReader", "process %1: the interpreter has not started yet").arg(m_pid);
        return false;
    }
    if (!readMemory(interpreter + layout.gilPointer, &gil, sizeof gil))
        return false;
    if (gil <= interpreter || gil - interpreter > maxInterpreterSize) {
        m_error = QCoreApplication::translate("GilReader", "%1: the GIL is not where CPython %2.%3 keeps it (another build?)").arg(file).arg(major).arg(minor);
        return false;
    }
    m_gil = gil;
    return true;
}

bool GilReader::readMemory(std::uint64_t address, void* into, std::size_t size)
{
    iovec local{into, size};
    iovec remote{reinterpret_cast<void*>(address), size};
    ++m_memoryReads;
    const ssize_t n = process_vm_readv(static_cast<pid_t>(m_pid), &local, 1, &remote, 1, 0);
    if (n == static_cast<ssize_t>(size))
        return true;
    m_error = QCoreApplication::translate("GilReader", "process %1: its memory cannot be read (%2)").arg(m_pid).arg(QString::fromLocal8Bit(std::strerror(errno)));
    return false;
}

bool GilReader::readGilAndKnownHolders(void* gil, std::size_t gilSize)
{
    // The kernel copies the remote pieces in order and stops at the first it cannot read: the
    // GIL comes first, and a thread state that is no longer mapped only cuts the list there.
    iovec local[1 + maxKnownHolders];
    iovec remote[1 + maxKnownHolders];
    local[0] = {gil, gilSize};
    remote[0] = {reinterpret_cast<void*>(m_gil), gilSize};
    const std::size_t known = m_knownHolders.size();
    m_knownTids.resize(known);
    for (std::size_t i = 0; i < known; ++i) {
        local[i + 1] = {&m_knownTids[i], sizeof(std::uint64_t)};
        remote[i + 1] = {reinterpret_cast<void*>(m_knownHolders[i] + m_tidOffset), sizeof(std::uint64_t)};
    }
    ++m_memoryReads;
    const ssize_t n = process_vm_readv(static_cast<pid_t>(m_pid), local, known + 1, remote, known + 1, 0);
    if (n < static_cast<ssize_t>(gilSize)) {
        m_error = QCoreApplication::translate("GilReader", "process %1: its memory cannot be read (%2)")
                      .arg(m_pid)
                      .arg(QString::fromLocal8Bit(std::strerror(n < 0 ? errno : EFAULT)));
        return false;
    }
    m_knownRead = (static_cast<std::size_t>(n) - gilSize) / sizeof(std::uint64_t);
    if (m_knownRead < known) // the first one not read is gone: forget it
        m_knownHolders.erase(m_knownHolders.begin() + static_cast<std::ptrdiff_t>(m_knownRead));
    return true;
}

bool GilReader::holderTid(std::uint64_t holder, std::uint64_t& tid)
{
    if (m_knownRead > 0 && m_knownHolders.front() == holder) { // the same holder as last time
        tid = m_knownTids.front();
        return true;
    }
    const auto it = std::find(m_knownHolders.begin(), m_knownHolders.end(), holder);
    const auto index = static_cast<std::size_t>(it - m_knownHolders.begin());
    if (it != m_knownHolders.end() && index < m_knownRead) {
        tid = m_knownTids[index];
        m_knownHolders.erase(it); // moved to the front below
    } else {
        if (it != m_knownHolders.end())
            m_knownHolders.erase(it);
        if (!readMemory(holder + m_tidOffset, &tid, sizeof tid))
            return false;
    }
    // The latest holder first: the one most likely to hold it at the next reading.
    m_knownHolders.insert(m_knownHolders.begin(), holder);
    if (m_knownHolders.size() > maxKnownHolders)
        m_knownHolders.pop_back();
    return true;
}

bool GilReader::read(State& out)
{
    if (m_gil == 0)
        return false;
    GilFields g{};
    if (!readGilAndKnownHolders(&g, sizeof g))
        return false;
    out.intervalUs = g.interval;
    out.locked = g.locked != 0;
    out.switchNumber = g.switchNumber;
    out.holderTid = 0;
    if (!out.locked || g.lastHolder == 0)
        return true;
    return holderTid(g.lastHolder, out.holderTid);
}

#else

std::uint64_t GilReader::dynamicSymbol(const QString& file, const char*, QString* error, bool*, std::uint64_t*)
{
    *error = QCoreApplication::translate("GilReader", "%1: reading symbols is supported on Linux x86-64 only").arg(file);
    return 0;
}

GilReader GilReader::attach(std::int64_t pid, int, int)
{
    GilReader r;
    r.m_pid = pid;
    r.m_error = QCoreApplication::translate("GilReader", "reading another process's GIL is supported on Linux x86-64 only");
    return r;
}

bool GilReader::readMemory(std::uint64_t, void*, std::size_t)
{
    return false;
}

bool GilReader::read(State&)
{
    return false;
}

#endif

} // namespace ThreadLab
