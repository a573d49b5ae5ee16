# CPack settings for the Debian package (scripts/package runs cpack -G DEB in the build folder).
set(CPACK_PACKAGE_NAME causeway)
set(CPACK_PACKAGE_VENDOR "The Causeway developers")
set(CPACK_PACKAGE_CONTACT "The Causeway developers <causeway@causeway.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "participatory causal systems mapping")
set(CPACK_PACKAGE_DESCRIPTION
  "Causeway is an offline desktop tool for participatory causal systems mapping,
made for community health organisations that draw their system together in
workshops and then decide, together, what to monitor: factors joined by + and -
causal links, reinforcing and balancing feedback loops found and labelled,
indicator nomination rounds and a presentation mode. The package holds the
editor, the causeway-cli command line tool, a sample map and example models.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON) # Debian ships stripped programs (lintian: unstripped-binary-or-object)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${CAUSEWAY_HOMEPAGE})
# Library dependencies come from the programs themselves (dpkg-shlibdeps). Qt's platform plugins
# (a window on X11 or Wayland) and fonts are loaded at run time, so shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# librsvg and cairo are opened with dlopen (io/rasterlibs.h), so dpkg-shlibdeps cannot see them.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, fonts-dejavu-core, librsvg2-2, libcairo2")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-core, shared-mime-info, desktop-file-utils")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# Debian's file-name version and the folder structure follow dpkg's conventions; no debug info.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
include(CPack)
