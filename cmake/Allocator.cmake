# The services' allocator. glibc malloc fragments under the ingest service's
# stream of short-lived protobuf strings (malloc_consolidate/unlink_chunk grew
# to ~40 % of its CPU at 10k stored articles; BENCHMARKS.md), so the service
# binaries link jemalloc (Debian libjemalloc-dev) when it is installed.
# Sanitizer and fuzz builds keep the sanitizer's allocator.
#
#   verbatim_link_allocator(<executable>)
option(VERBATIM_JEMALLOC "Link the service binaries against jemalloc when found" ON)

set(_verbatim_jemalloc "")
if(VERBATIM_JEMALLOC AND NOT VERBATIM_SANITIZE AND NOT VERBATIM_FUZZ)
  find_library(VERBATIM_JEMALLOC_LIBRARY NAMES jemalloc)
  if(VERBATIM_JEMALLOC_LIBRARY)
    set(_verbatim_jemalloc "${VERBATIM_JEMALLOC_LIBRARY}")
    message(STATUS "Verbatim services allocator: ${VERBATIM_JEMALLOC_LIBRARY}")
  else()
    message(STATUS "Verbatim services allocator: glibc (install libjemalloc-dev for jemalloc)")
  endif()
endif()

function(verbatim_link_allocator target)
  if(_verbatim_jemalloc)
    target_link_libraries(${target} PRIVATE "${_verbatim_jemalloc}")
  endif()
endfunction()
