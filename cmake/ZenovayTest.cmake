# zenovay_add_test(NAME name SOURCES a.cpp ... LIBS lib ... LABELS label ... [TIMEOUT s])
# One function registers every test: an executable, a ctest entry, the offscreen
# platform, a private temporary directory and labels.
function(zenovay_add_test)
    cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE zenovay_compile_settings Qt6::Test ${ARG_LIBS})
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    set_tests_properties(${ARG_NAME} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;ZENOVAY_SERVER_BINARY=$<TARGET_FILE:zenovay-server>;${ARG_ENVIRONMENT}")
endfunction()
