#pragma once

// Tests that start child processes cannot run under ThreadSanitizer here: Qt 6.4 starts
// children through forkfd's raw clone(), and LLVM 14's TSan runtime aborts in its fork
// handling (CHECK failed: tsan_rtl.cpp:234 "!thr->slot"). Those tests skip under TSan, saying
// why; ASan+UBSan and the normal build run them.

#if defined(__SANITIZE_THREAD__)
#define THREADLAB_UNDER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define THREADLAB_UNDER_TSAN 1
#endif
#endif

// AddressSanitizer keeps freed memory in quarantine, so resident memory grows under it whether
// or not anything leaks (LeakSanitizer checks leaks there instead).
#if defined(__SANITIZE_ADDRESS__)
#define THREADLAB_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define THREADLAB_UNDER_ASAN 1
#endif
#endif
#if defined(THREADLAB_UNDER_ASAN) || defined(THREADLAB_UNDER_TSAN)
inline constexpr bool residentMemoryIsMeaningful = false;
#else
inline constexpr bool residentMemoryIsMeaningful = true;
#endif

#if defined(THREADLAB_UNDER_TSAN)
#define SKIP_IF_SPAWNING_UNDER_TSAN()                                                                                  \
    QSKIP("starts child processes: LLVM 14's ThreadSanitizer cannot follow Qt's clone()-based QProcess")
#else
#define SKIP_IF_SPAWNING_UNDER_TSAN()                                                                                  \
    do {                                                                                                               \
    } while (false)
#endif
