# Replays each fuzz target's committed seed corpus (which includes every crash
# reproducer of tests/fuzz/crashes) through its LLVMFuzzerTestOneInput, linked
# with tests/fuzz/replay_main.cc instead of libFuzzer. Needs no clang, so the
# ordinary build and the sanitizer builds (tests/sanitizers.sh) run it as the
# CTest tests fuzz_replay_<target>. Included from tests/reliability.
function(verbatim_fuzz_replay name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  set(dir "${PROJECT_SOURCE_DIR}/tests/fuzz")
  add_executable(${name}_replay "${dir}/${name}.cc" "${dir}/replay_main.cc")
  target_include_directories(${name}_replay PRIVATE "${PROJECT_SOURCE_DIR}")
  target_link_libraries(${name}_replay PRIVATE ${ARG_DEPS})
  file(GLOB crashes "${dir}/crashes/${name}-*")
  add_test(NAME fuzz_replay_${name}
           COMMAND ${name}_replay "${dir}/corpus/${name}" ${crashes})
  set_tests_properties(fuzz_replay_${name} PROPERTIES LABELS fuzz TIMEOUT 600)
endfunction()

verbatim_fuzz_replay(extract_fuzzer DEPS verbatim_extraction)
verbatim_fuzz_replay(request_fuzzer
  DEPS verbatim_ingest verbatim_catalog verbatim_paging verbatim_storage verbatim_proto
       absl::strings)
