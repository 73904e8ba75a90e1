/**
 * The simulator's side of the simulated board: a {@link cn.taihang.hardware.sim.harness.HarnessServer}
 * on the loopback interface that gateways dial, and a {@link cn.taihang.hardware.sim.harness.VirtualBoard}
 * per gateway to drive its inputs and watch its outputs. Plain Java: no OSGi needed to use it.
 *
 * <h2>Harness protocol</h2>
 * TCP on 127.0.0.1. The gateway dials; the simulator listens. UTF-8 text, one message per line ended
 * by LF (a CR before it is ignored), at most 8192 characters. Fields are separated by one space;
 * {@code <owner…>} and {@code <text…>} take the rest of the line and may contain spaces. Pins are
 * decimal GPIO numbers of the board profile, levels are {@code 0} (low) or {@code 1} (high),
 * timestamps are decimal microseconds since the Unix epoch. Ports and ids are one word.
 * <pre>
 * gateway → sim
 *   HELLO &lt;nodeId&gt; &lt;board&gt;        first line of every connection (board = profile id, e.g. raspberry-pi-4)
 *   CLAIM &lt;pin&gt; IN|OUT &lt;owner…&gt;   the gateway holds a pin
 *   RELEASE &lt;pin&gt;                 it no longer does
 *   OUT &lt;pin&gt; 0|1 &lt;epochMicros&gt;   an output is driven (also sent right after CLAIM … OUT with the initial level)
 *   OPEN &lt;port&gt; &lt;owner…&gt;          the gateway holds a serial port
 *   CLOSE &lt;port&gt;                  it no longer does
 *   TX &lt;port&gt; &lt;text…&gt;             the gateway writes one line to a serial port
 * sim → gateway
 *   EDGE &lt;pin&gt; 0|1 &lt;epochMicros&gt;  an input changed level; the timestamp is taken at the simulated source
 *                                  and delivered unchanged in the gateway's EdgeEvent
 *   LINE &lt;port&gt; &lt;epochMicros&gt; &lt;text…&gt;  a serial device sent one line (e.g. a QR scanner's code)
 * </pre>
 * On every (re)connect the gateway sends HELLO and then re-announces everything it holds: CLAIM (plus
 * OUT with the current level for outputs) and OPEN. When the connection drops, the simulator forgets
 * the node's claims and ports; the gateway keeps them and redials with capped, jittered backoff
 * (0.1 s doubling up to 5 s). Lines either side cannot read are ignored, counted by kind and logged
 * once per kind; they never end the connection. The gateway ignores, and counts, EDGE for pins it does
 * not hold as inputs, EDGE repeating the level the input already has, and LINE for ports it does not
 * hold. Edges of one pin are delivered in the order they were sent; a timestamp earlier than the
 * previous edge's of the same pin is raised to it (and counted), as the hardware API promises
 * non-decreasing timestamps. While disconnected, output levels are remembered and resent on
 * reconnect; serial lines written then fail with {@code PORT_UNAVAILABLE}.
 *
 * <h2>Throughput</h2>
 * Each connection writes from a thread of its own and flushes when it has caught up, so bursts of tens
 * of thousands of edges a second go out in large writes; senders never wait for the network unless
 * 4 M characters are queued for one gateway that stopped reading (then they wait up to 5 s and the
 * connection is dropped).
 */
@Export
@Version("1.0.0")
package cn.taihang.hardware.sim.harness;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
