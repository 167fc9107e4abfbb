#ifndef BRIEFING_LIBFUZZER_H
#define BRIEFING_LIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point for programs with their own `main` (compiler-rt, LLVM 11 and later): parses libFuzzer's
/// command line flags from argc/argv and runs `callback` on each input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
