package com.fielddesk.installers;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the FieldDesk icon (a desk-blue tile with a white "F" and an amber status dot, the
 * console's accent colours) and writes it in the format each OS's installer expects. Drawn from
 * shapes, not text, so it looks the same on a build machine without fonts.
 */
final class IconRenderer {

    private static final int SIZE = 256;
    private static final Color DESK_BLUE = new Color(0x1F, 0x5F, 0xAD);
    private static final Color AMBER = new Color(0xF5, 0xA6, 0x23);

    private IconRenderer() {
    }

    static Path writeIcon(Path directory, Platform platform) {
        try {
            Files.createDirectories(directory);
            byte[] png = png(render());
            Path icon = directory.resolve("FieldDesk." + platform.iconExtension());
            Files.write(icon, switch (platform) {
                case LINUX -> png;
                case WINDOWS -> ico(png);
                case MAC -> icns(png);
            });
            return icon;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the installer icon", e);
        }
    }

    static BufferedImage render() {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(DESK_BLUE);
            g.fill(new RoundRectangle2D.Double(8, 8, SIZE - 16, SIZE - 16, 56, 56));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(30, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.drawLine(84, 64, 84, 192);    // stem of the F
            g.drawLine(84, 64, 172, 64);    // top bar
            g.drawLine(84, 124, 148, 124);  // middle bar
            g.setColor(AMBER);
            g.fill(new Ellipse2D.Double(154, 158, 44, 44));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A one-image .ico holding the PNG as is (allowed since Windows Vista). */
    static byte[] ico(byte[] png) {
        ByteBuffer header = ByteBuffer.allocate(6 + 16).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) 1);   // reserved, type icon, one image
        header.put((byte) 0).put((byte) 0);                                   // 0 means 256 wide and high
        header.put((byte) 0).put((byte) 0);                                   // no palette, reserved
        header.putShort((short) 1).putShort((short) 32);                      // planes, bits per pixel
        header.putInt(png.length).putInt(6 + 16);                             // size, offset of the image
        return concat(header.array(), png);
    }

    /** An .icns with one 256×256 PNG entry ('ic08'). */
    static byte[] icns(byte[] png) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(out);   // big-endian, as icns wants
            data.write("icns".getBytes(StandardCharsets.US_ASCII));
            data.writeInt(8 + 8 + png.length);
            data.write("ic08".getBytes(StandardCharsets.US_ASCII));
            data.writeInt(8 + png.length);
            data.write(png);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
