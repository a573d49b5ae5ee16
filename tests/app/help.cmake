# The package's side of the editor (offscreen): Help > Guide and About, File > Open Sample,
# File > Print and its preview, and where installed data files are found.
add_executable(test_help
  ${CMAKE_CURRENT_LIST_DIR}/appcore_main.cpp
  ${CMAKE_CURRENT_LIST_DIR}/help_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/print_test.cpp
)
target_link_libraries(test_help PRIVATE causeway_appui causeway_buildinfo GTest::gtest Qt6::Test)
target_compile_definitions(test_help PRIVATE
  CAUSEWAY_SAMPLE_MAP="${PROJECT_SOURCE_DIR}/resources/samples/peer-nsp.causeway")
gtest_discover_tests(test_help DISCOVERY_MODE PRE_TEST)
