# libFuzzer targets (fuzz/), built only with -DZENOVAY_FUZZ=ON by clang (the "fuzz" preset,
# which scripts/fuzz.sh uses). Every library the targets link is compiled with
# -fsanitize=fuzzer-no-link,address,undefined through zenovay_compile_settings
# (cmake/ZenovayCompile.cmake); Qt itself is Debian's gcc build, uninstrumented.
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "ZENOVAY_FUZZ needs clang (libFuzzer): use the fuzz preset or scripts/fuzz.sh")
endif()

add_custom_target(fuzzers)
set(ZENOVAY_FUZZER_LIST "${CMAKE_BINARY_DIR}/fuzzers.txt")
file(WRITE "${ZENOVAY_FUZZER_LIST}" "")

# zenovay_add_fuzzer(name source [libs...])
# One target: the executable fuzz_<name> in <build>/fuzzers/, built from source (which
# defines LLVMFuzzerTestOneInput), linked with libs. scripts/fuzz.sh finds it through
# <build>/fuzzers.txt and runs it on fuzz/corpus/<name>/ with fuzz/<name>.dict if present.
function(zenovay_add_fuzzer name source)
    add_executable(fuzz_${name} ${source} fuzzsupport.h)
    target_link_libraries(fuzz_${name} PRIVATE zenovay_compile_settings ${ARGN})
    target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
    set_target_properties(fuzz_${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/fuzzers")
    add_dependencies(fuzzers fuzz_${name})
    file(APPEND "${ZENOVAY_FUZZER_LIST}" "${name}\n")
endfunction()
