# Owned by the loop explorer work (issue 4): the loops panel, loop names and the analysis panel
# (offscreen), and the responsiveness measurement on a dense map.
find_program(CAUSEWAY_LOOPS_PYTHON3 python3)
add_executable(test_loopsui
  ${CMAKE_CURRENT_LIST_DIR}/appcore_main.cpp
  ${CMAKE_CURRENT_LIST_DIR}/loopspanel_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/looplabels_ui_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/loopjob_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/analysispanel_test.cpp
)
target_link_libraries(test_loopsui PRIVATE causeway_appui GTest::gtest Qt6::Test)
target_compile_options(test_loopsui PRIVATE -Wno-missing-field-initializers)
target_compile_definitions(test_loopsui PRIVATE
  CAUSEWAY_SAMPLE_MAP="${PROJECT_SOURCE_DIR}/resources/samples/peer-nsp.causeway"
  CAUSEWAY_PYTHON3="${CAUSEWAY_LOOPS_PYTHON3}"
  CAUSEWAY_LOOPS_ORACLE="${PROJECT_SOURCE_DIR}/tests/oracle/loops_oracle.py")
gtest_discover_tests(test_loopsui DISCOVERY_MODE PRE_TEST PROPERTIES TIMEOUT 120)
