/**
 * The Taihang panel protocol (TPP/1) between a gateway's sign driver and the LED panel controller, over a
 * serial line or a TCP connection. Its reference panel ({@code PanelEmulator}) and a faulty line ({@code LineFaults}) are
 * test fixtures: they ship in this module's test-jar, for the driver's tests and the simulator's virtual panels, never
 * in the production jar.
 *
 * <h2>Framing</h2>
 * One frame per text line (ASCII, LF-terminated, at most {@value cn.taihang.sign.panel.Frame#MAX_LINE}
 * characters, so it travels over any line-oriented serial port):
 * <pre>
 *   @SS TYPE payload*CCCC
 *   @1F SHOW AgoAHgBjv7VK*3A4C
 * </pre>
 * {@code SS}: sequence number 00–FF, two upper-case hex digits; {@code TYPE}: four capitals
 * ({@link cn.taihang.sign.panel.FrameType}); payload: standard Base64 of at most
 * {@value cn.taihang.sign.panel.Frame#MAX_PAYLOAD} bytes, may be empty; {@code CCCC}: CRC-16/CCITT-FALSE
 * (polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR) of all bytes before {@code *}, four upper-case hex
 * digits.
 *
 * <h2>Exchange, acknowledgement and retry</h2>
 * The driver sends one request at a time and waits for the reply carrying the same sequence number. Replies:
 * {@code ACKN} (done), {@code NACK} (refused: {@code u8 code, UTF-8 reason}; 1 bad CRC, 2 unknown request,
 * 3 bad payload, 4 pages missing, 5 content CRC mismatch), or the {@code INFO}/{@code STAT} reply. A line the panel
 * cannot read gets no reply, except a line whose CRC fails: {@code NACK 1} with the sequence as read. The driver
 * retries a request with the <em>same</em> sequence number after the acknowledgement timeout or a NACK 1, up to its
 * retry limit; the panel answers a repeated request (same number, same line) with its previous reply without
 * applying it twice. A new request takes the next number (mod 256). Replies with a bad CRC or another number are
 * discarded by the driver. When all retries fail the link is down; the driver polls with INFO until it answers.
 *
 * <h2>Requests (driver → panel) and payloads (big-endian)</h2>
 * <pre>
 *   INFO  (empty)                       reply INFO: u16 width, u16 height, u8 scheme (0 mono, 1 tri-colour, 2 24-bit),
 *                                                   u8 page slots, UTF-8 firmware
 *   PAGE  u8 page, u16 chunk, u16 chunks, bytes    one chunk (≤ 512 bytes) of a page's pixel stream → ACKN
 *   SHOW  u8 n, n × (u8 on, u8 off tenths of s), u32 CRC-32 of the n pixel streams concatenated
 *                                       show pages 0…n-1 in a cycle → ACKN, or NACK 4 / 5 (nothing changes)
 *   BLNK  (empty)                       show nothing → ACKN
 *   BRIT  u8 percent 0–100              LED brightness → ACKN
 *   STAT  (empty)                       reply STAT: u32 CRC of the content shown (0 blank), u8 page on the LEDs,
 *                                                   u8 brightness %, i16 temperature 0.1 °C, u32 ambient light lux,
 *                                                   u16 faulty pixels, u16 boot count (up by one per power-up)
 * </pre>
 * Pixel stream ({@link cn.taihang.sign.panel.PixelCodec}): runs of equal pixels row by row from the top left, each
 * an unsigned LEB128 run length ≥ 1 then the pixel — one code byte (monochrome 0 off / 1 on; tri-colour 0 off,
 * 1 red, 2 green, 3 amber) or three bytes R G B for 24-bit panels. A page counts only once all its chunks arrived;
 * SHOW commits atomically, so the LEDs never show half a message. The driver confirms what the LEDs show by
 * comparing STAT's content CRC with the one it sent: that is the sign's "what I show now".
 */
@Export
@Version("1.0.0")
package cn.taihang.sign.panel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
