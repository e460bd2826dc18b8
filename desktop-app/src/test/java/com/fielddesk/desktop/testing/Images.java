package com.fielddesk.desktop.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Images made in memory for tests (a logo to upload). */
public final class Images {

    private Images() {
    }

    /** A plain orange PNG of this size. */
    public static byte[] png(int width, int height) throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D paint = image.createGraphics();
        paint.setColor(new java.awt.Color(0xFF, 0x88, 0x00));
        paint.fillRect(0, 0, width, height);
        paint.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
