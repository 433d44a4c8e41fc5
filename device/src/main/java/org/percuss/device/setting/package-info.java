/**
 * Settings, declared once by the record that holds them: a {@link org.percuss.device.setting.Setting}
 * is one key of the configuration file (its path from the file's root, its kind, its range, its
 * unit), and an {@link org.percuss.device.setting.InvalidSetting} is what a record throws when a
 * value cannot be, naming that key. The device's records (the Pi rig, its output and sensors) and
 * the controller's (the safety limits) declare and check their settings with these, so a config
 * reader reports every one of them the same way, on the line of the key the path names.
 */
package org.percuss.device.setting;
