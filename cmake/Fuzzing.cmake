# VERBATIM_FUZZ: libFuzzer targets under tests/fuzz, built with clang, ASan and
# UBSan. Every Verbatim target gets coverage instrumentation
# (-fsanitize=fuzzer-no-link) so the fuzzers see inside the libraries they
# call; the fuzzer binaries link libFuzzer's main (-fsanitize=fuzzer).
#
#   tests/fuzz/run.sh [SECONDS]     # configure build-fuzz, build, run each target
#
# or by hand:
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DVERBATIM_FUZZ=ON
#   cmake --build build-fuzz -j2 --target extract_fuzzer request_fuzzer
#   ctest --test-dir build-fuzz -L fuzz        # 20 s per target
#
# Every other target is built with the same flags, so the fuzz build doubles
# as a clang ASan + UBSan build of the services and tests:
#   cmake --build build-fuzz -j2 --target verbatim-ingest verbatim-query hostile_input_test
#   ASAN_OPTIONS=log_path=/tmp/verbatim-san/asan UBSAN_OPTIONS=log_path=/tmp/verbatim-san/ubsan \
#     build-fuzz/tests/reliability/hostile_input_test
#
# Needs clang and libclang-rt-14-dev (apt-get install -y clang libclang-rt-14-dev).
option(VERBATIM_FUZZ "Build the libFuzzer targets in tests/fuzz (clang only)" OFF)
set(VERBATIM_FUZZ_CTEST_SECONDS 20 CACHE STRING
    "How long each fuzzer runs as a CTest test when VERBATIM_FUZZ is ON")

if(VERBATIM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "VERBATIM_FUZZ needs clang: configure with CXX=clang++ "
                        "(found ${CMAKE_CXX_COMPILER_ID})")
  endif()
  if(VERBATIM_SANITIZE)
    message(FATAL_ERROR "VERBATIM_FUZZ already enables address,undefined; "
                        "leave VERBATIM_SANITIZE empty")
  endif()
  set(VERBATIM_FUZZ_FLAGS
      -fsanitize=fuzzer-no-link,address,undefined
      -fno-sanitize-recover=undefined
      -fno-omit-frame-pointer)
  add_compile_options(${VERBATIM_FUZZ_FLAGS})
  add_link_options(-fsanitize=address,undefined)
  message(STATUS "Verbatim fuzzing: libFuzzer + address,undefined")
endif()
