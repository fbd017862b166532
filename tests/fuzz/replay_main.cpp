// Replays a corpus through a fuzz target without libFuzzer, so that every compiler (and ctest)
// can check that the seeds and past findings still pass:
//   fuzz_replay_<target> DIR_OR_FILE...
// Every regular file of each directory (not recursive) is one input. A missing or empty
// directory is an error: a replay that ran nothing must not pass. When an input trips an
// invariant, the signal handler names the file before the process dies.

#include <algorithm>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

char g_current[4096] = {}; // the input being run, for the signal handler

void onFatalSignal(int sig)
{
    static const char prefix[] = "fuzz replay: this input failed: ";
    (void)!write(STDERR_FILENO, prefix, sizeof prefix - 1);
    (void)!write(STDERR_FILENO, g_current, std::strlen(g_current));
    (void)!write(STDERR_FILENO, "\n", 1);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

bool runOne(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "fuzz replay: cannot read %s\n", file.c_str());
        return false;
    }
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::snprintf(g_current, sizeof g_current, "%s", file.c_str());
    static const std::uint8_t empty = 0; // libFuzzer never passes a null pointer either
    const auto* data = bytes.empty() ? &empty : reinterpret_cast<const std::uint8_t*>(bytes.data());
    LLVMFuzzerTestOneInput(data, bytes.size());
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    for (const int sig : {SIGABRT, SIGILL, SIGSEGV, SIGBUS, SIGFPE, SIGTRAP})
        std::signal(sig, onFatalSignal);

    std::size_t inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path path(argv[i]);
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) {
            if (!runOne(path))
                return 1;
            ++inputs;
            continue;
        }
        if (!std::filesystem::is_directory(path, ec)) {
            std::fprintf(stderr, "fuzz replay: %s is neither a file nor a directory\n", path.c_str());
            return 1;
        }
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(path, ec))
            if (entry.is_regular_file())
                files.push_back(entry.path());
        if (ec) {
            std::fprintf(stderr, "fuzz replay: cannot list %s: %s\n", path.c_str(), ec.message().c_str());
            return 1;
        }
        if (files.empty()) {
            std::fprintf(stderr, "fuzz replay: %s holds no inputs\n", path.c_str());
            return 1;
        }
        std::sort(files.begin(), files.end()); // the same order on every run
        for (const auto& file : files) {
            if (!runOne(file))
                return 1;
            ++inputs;
        }
    }
    std::printf("fuzz replay: %zu inputs passed\n", inputs);
    return 0;
}
