/**
 * Signing keys at rest: {@link cn.taihang.bridge.keys.FileKeyStore}, the file adapter of the
 * {@link cn.taihang.bridge.module.SigningKeyStore} port through which every table of private keys goes (ticket keys,
 * command keys). The port's Javadoc is the PKCS#11 adapter point for an HSM.
 */
package cn.taihang.bridge.keys;
