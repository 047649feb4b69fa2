# VERBATIM_SANITIZE: build every Verbatim target (libraries, services, tests)
# with compiler sanitizers. Value: a comma-separated list passed to
# -fsanitize=, e.g. "address,undefined" or "thread". Empty (default): off.
#
# Third-party libraries (gRPC, protobuf, abseil, RocksDB, ICU from Debian) are
# not instrumented. ASan and UBSan are exact regardless; TSan cannot see the
# synchronisation inside gRPC and reports false races there (see
# tests/reliability/tsan.supp).
#
# Run the whole suite under ASan + UBSan (reports of every process, including
# the service binaries the e2e and reliability tests start, land in
# /tmp/verbatim-san/):
#
#   cmake -S . -B build-asan -G Ninja -DVERBATIM_SANITIZE=address,undefined
#   cmake --build build-asan -j2
#   mkdir -p /tmp/verbatim-san
#   ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:log_path=/tmp/verbatim-san/asan \
#   UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=/tmp/verbatim-san/ubsan \
#     ctest --test-dir build-asan --output-on-failure -j2 --timeout 1800
#   ls /tmp/verbatim-san   # empty when nothing was found
#
# ThreadSanitizer (gcc or clang; needs a separate build directory):
#
#   cmake -S . -B build-tsan -G Ninja -DVERBATIM_SANITIZE=thread
#   cmake --build build-tsan -j2
#   TSAN_OPTIONS="suppressions=$PWD/tests/reliability/tsan.supp:halt_on_error=0:log_path=/tmp/verbatim-san/tsan" \
#     ctest --test-dir build-tsan --output-on-failure -j2 --timeout 3600
set(VERBATIM_SANITIZE "" CACHE STRING
    "Sanitizers for every Verbatim target: address, undefined, thread (comma-separated)")

if(VERBATIM_SANITIZE)
  string(REPLACE "," ";" _verbatim_sanitizers "${VERBATIM_SANITIZE}")
  foreach(_s IN LISTS _verbatim_sanitizers)
    if(NOT _s MATCHES "^(address|undefined|thread|leak)$")
      message(FATAL_ERROR "VERBATIM_SANITIZE: unknown sanitizer '${_s}'")
    endif()
  endforeach()
  if("thread" IN_LIST _verbatim_sanitizers AND
     ("address" IN_LIST _verbatim_sanitizers OR "leak" IN_LIST _verbatim_sanitizers))
    message(FATAL_ERROR "VERBATIM_SANITIZE: thread cannot be combined with address or leak")
  endif()
  set(_verbatim_sanitize_flags "-fsanitize=${VERBATIM_SANITIZE}" -fno-omit-frame-pointer)
  if("undefined" IN_LIST _verbatim_sanitizers)
    # Every UBSan finding fails the process (and so the test) instead of
    # printing a line nobody reads.
    list(APPEND _verbatim_sanitize_flags -fno-sanitize-recover=undefined)
  endif()
  add_compile_options(${_verbatim_sanitize_flags})
  add_link_options(${_verbatim_sanitize_flags})
  if("thread" IN_LIST _verbatim_sanitizers)
    # Debian's absl::Mutex is invisible to TSan (uninstrumented library); this
    # shim reports its locks to TSan and is linked first into every target
    # created after this point. See tests/reliability/tsan_absl_mutex.cc.
    add_library(verbatim_tsan_absl_mutex SHARED
                "${PROJECT_SOURCE_DIR}/tests/reliability/tsan_absl_mutex.cc")
    target_link_libraries(verbatim_tsan_absl_mutex PRIVATE ${CMAKE_DL_LIBS})
    link_libraries(verbatim_tsan_absl_mutex)  # build order and rpath
    # ... and first on every link line (link options precede the libraries),
    # so it precedes libabsl_synchronization.so in each DT_NEEDED list and
    # its definitions win the symbol lookup.
    add_link_options("$<TARGET_FILE:verbatim_tsan_absl_mutex>")
  endif()
  message(STATUS "Verbatim sanitizers: ${VERBATIM_SANITIZE}")
endif()
