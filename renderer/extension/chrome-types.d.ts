// The WebExtension API's types for the extension's sources (Chromium's `chrome` namespace,
// which Firefox also provides for Manifest V3 extensions).
/// <reference types="chrome" />
