package cn.taihang.hardware.pi4j.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the board's serial devices are and how their line speed is set. */
@ObjectClassDefinition(id = TtyConfig.PID, name = "Serial ports (tty) / 串口",
        description = "Line-oriented serial devices (USB QR scanners in serial mode, UART modules) read from their tty device files.")
@interface TtyConfig {

    /** The configuration PID. */
    String PID = "cn.taihang.hardware.tty";

    @AttributeDefinition(name = "Device directory / 设备目录",
            description = "Serial ports are device files under this directory; a port named ttyACM0 or /dev/ttyACM0 is "
                    + "<directory>/ttyACM0. Stable names of USB devices live under serial/by-id/.")
    String deviceDir() default "/dev";

    @AttributeDefinition(name = "stty command / stty 命令",
            description = "Run as '<command> -F <device> <baud> raw -echo' before a port is opened, to set its line speed "
                    + "and raw mode. Empty: leave the port's settings alone (USB CDC scanners ignore the speed).")
    String sttyCommand() default "stty";
}
