# Owned by the presentation work (issue 10): room theme contrast, walkthrough captions and the
# presentation driven by keys (offscreen when discovered; under Xvfb at 1024x768 as present_gui).
add_executable(test_present
  ${CMAKE_CURRENT_LIST_DIR}/present_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/present_gui_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/present_main.cpp
)
target_link_libraries(test_present PRIVATE causeway_appui GTest::gtest Qt6::Test)
target_compile_definitions(test_present PRIVATE
  CAUSEWAY_SAMPLE_MAP="${PROJECT_SOURCE_DIR}/resources/samples/peer-nsp.causeway")
gtest_discover_tests(test_present DISCOVERY_MODE PRE_TEST PROPERTIES TIMEOUT 120)
find_program(CAUSEWAY_PRESENT_XVFB_RUN xvfb-run)
if(CAUSEWAY_PRESENT_XVFB_RUN)
  add_test(NAME present_gui
    COMMAND ${CAUSEWAY_PRESENT_XVFB_RUN} -a -s "-screen 0 1024x768x24" $<TARGET_FILE:test_present>)
endif()
target_compile_options(test_present PRIVATE -Wno-missing-field-initializers)
