/**
 * Signature keys shared by tickets and commands: {@link cn.taihang.wire.sign.SignatureAlgorithm} (Ed25519, the
 * default, or SM2 with SM3 for the city's commercial-cryptography assessment), private keys that sign
 * ({@link cn.taihang.wire.sign.Signer}, {@link cn.taihang.wire.sign.SigningKey}) and public keys that verify
 * ({@link cn.taihang.wire.sign.VerifyingKey}). Both algorithms make 64-byte signatures, so a ticket keeps its size
 * whichever signs it. Ticket keys, command keys and release keys are separate key sets that share these types.
 */
@Export
@Version("1.0.0")
package cn.taihang.wire.sign;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
