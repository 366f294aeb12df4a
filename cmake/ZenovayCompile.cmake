# One INTERFACE target carries every compile setting shared by the project's targets.
add_library(zenovay_compile_settings INTERFACE)
target_compile_features(zenovay_compile_settings INTERFACE cxx_std_20)
target_compile_definitions(zenovay_compile_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    ZENOVAY_VERSION="${PROJECT_VERSION}")
target_compile_options(zenovay_compile_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    -Wimplicit-fallthrough)

option(ZENOVAY_WERROR "Treat warnings as errors (on in CI)" OFF)
if(ZENOVAY_WERROR)
    target_compile_options(zenovay_compile_settings INTERFACE -Werror)
endif()

option(ZENOVAY_ASAN "Build with AddressSanitizer and UBSan" OFF)
if(ZENOVAY_ASAN)
    target_compile_options(zenovay_compile_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(zenovay_compile_settings INTERFACE -fsanitize=address,undefined)
endif()

# libFuzzer builds (the fuzz preset, clang only): coverage instrumentation for libFuzzer
# plus ASan and UBSan on every project target; -O1 keeps it fast, the Debug build type
# keeps Q_ASSERT on. The fuzz targets themselves add -fsanitize=fuzzer (cmake/ZenovayFuzz.cmake).
option(ZENOVAY_FUZZ "Build the libFuzzer targets in fuzz/ (clang)" OFF)
if(ZENOVAY_FUZZ)
    target_compile_options(zenovay_compile_settings INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
        -fno-omit-frame-pointer -O1)
    target_link_options(zenovay_compile_settings INTERFACE -fsanitize=address,undefined)
endif()
