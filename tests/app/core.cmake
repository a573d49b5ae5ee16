# Owned by the document-layer work: document, commands, autosave and clipboard tests.
add_executable(test_appcore
  ${CMAKE_CURRENT_LIST_DIR}/appcore_main.cpp
  ${CMAKE_CURRENT_LIST_DIR}/document_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/documentdata_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/documentfiles_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/autosave_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/clipboard_test.cpp
)
target_link_libraries(test_appcore PRIVATE causeway_appcore GTest::gtest Qt6::Test)
gtest_discover_tests(test_appcore DISCOVERY_MODE PRE_TEST)
