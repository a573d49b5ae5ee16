# Nomination rounds in the editor: offscreen tests (test_rounds) and the scripted 12-participant
# round in a real window (rounds_gui, under Xvfb when xvfb-run is installed).
add_executable(test_rounds
  ${CMAKE_CURRENT_LIST_DIR}/appcore_main.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rounds_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/roundspanel_test.cpp
)
target_link_libraries(test_rounds PRIVATE causeway_appui GTest::gtest Qt6::Test)
target_compile_definitions(test_rounds PRIVATE
  CAUSEWAY_SAMPLE_MAP="${PROJECT_SOURCE_DIR}/resources/samples/peer-nsp.causeway"
  CAUSEWAY_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
gtest_discover_tests(test_rounds DISCOVERY_MODE PRE_TEST)

add_executable(test_rounds_gui ${CMAKE_CURRENT_LIST_DIR}/rounds_gui_test.cpp)
target_link_libraries(test_rounds_gui PRIVATE causeway_appui GTest::gtest Qt6::Test)
target_compile_definitions(test_rounds_gui PRIVATE
  CAUSEWAY_SAMPLE_MAP="${PROJECT_SOURCE_DIR}/resources/samples/peer-nsp.causeway"
  CAUSEWAY_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data")
find_program(CAUSEWAY_XVFB_RUN xvfb-run)
if(CAUSEWAY_XVFB_RUN)
  add_test(NAME rounds_gui
    COMMAND ${CAUSEWAY_XVFB_RUN} -a -s "-screen 0 1280x800x24" $<TARGET_FILE:test_rounds_gui>)
else()
  add_test(NAME rounds_gui COMMAND test_rounds_gui)
  set_tests_properties(rounds_gui PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen)
endif()

# Rounds > Open to Phones in a real window: ballots over HTTP on 127.0.0.1 only (phones_gui).
add_executable(test_phones_gui ${CMAKE_CURRENT_LIST_DIR}/phones_gui_test.cpp)
target_link_libraries(test_phones_gui PRIVATE causeway_appui GTest::gtest Qt6::Test nlohmann_json::nlohmann_json)
target_compile_definitions(test_phones_gui PRIVATE
  CAUSEWAY_SAMPLE_MAP="${PROJECT_SOURCE_DIR}/resources/samples/peer-nsp.causeway")
if(CAUSEWAY_XVFB_RUN)
  add_test(NAME phones_gui
    COMMAND ${CAUSEWAY_XVFB_RUN} -a -s "-screen 0 1280x800x24" $<TARGET_FILE:test_phones_gui>)
else()
  add_test(NAME phones_gui COMMAND test_phones_gui)
  set_tests_properties(phones_gui PROPERTIES ENVIRONMENT QT_QPA_PLATFORM=offscreen)
endif()
