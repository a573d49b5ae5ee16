# Owned by the monitoring work (issue 15, item 4): the Monitor dock, data import from the editor,
# verdict marks on the canvas (offscreen when discovered; under Xvfb at 1024x768 as monitor_gui).
add_executable(test_monitorui
  ${CMAKE_CURRENT_LIST_DIR}/monitor_gui_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/monitor_main.cpp
)
target_link_libraries(test_monitorui PRIVATE causeway_appui GTest::gtest Qt6::Test)
target_compile_definitions(test_monitorui PRIVATE
  CAUSEWAY_SAMPLE_MAP="${PROJECT_SOURCE_DIR}/resources/samples/peer-nsp.causeway"
  CAUSEWAY_ROUND1_BALLOTS="${PROJECT_SOURCE_DIR}/tests/data/ballots/round1.csv"
  CAUSEWAY_MONITOR_DATA_SCRIPT="${PROJECT_SOURCE_DIR}/tests/cli/make_monitor_data.py")
gtest_discover_tests(test_monitorui DISCOVERY_MODE PRE_TEST PROPERTIES TIMEOUT 120)
find_program(CAUSEWAY_MONITOR_XVFB_RUN xvfb-run)
if(CAUSEWAY_MONITOR_XVFB_RUN)
  add_test(NAME monitor_gui
    COMMAND ${CAUSEWAY_MONITOR_XVFB_RUN} -a -s "-screen 0 1024x768x24" $<TARGET_FILE:test_monitorui>)
endif()
