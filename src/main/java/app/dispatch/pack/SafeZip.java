package app.dispatch.pack;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A ZIP from outside, opened defensively. The central directory is read by hand first so that
 * hostile names ({@code ../x}, {@code /abs}, {@code ..\x}, {@code C:\x}), symbolic links, duplicate
 * names, too many entries and truncation are refused before a byte is inflated. Reading counts the
 * bytes actually inflated against a total cap, a per-entry cap and a compression-ratio cap.
 * Nothing is ever written to a path taken from the archive.
 */
final class SafeZip implements Closeable {
    private static final int EOCD_SIG = 0x06054b50;
    private static final int CEN_SIG = 0x02014b50;

    /** One entry as the central directory describes it. */
    record Entry(String name, int method, long compressedSize, long size, boolean directory) {
    }

    private final Path file;
    private final ZipFile zip;
    private final Map<String, Entry> entries;
    private long inflatedTotal;

    private SafeZip(Path file, ZipFile zip, Map<String, Entry> entries) {
        this.file = file;
        this.zip = zip;
        this.entries = entries;
    }

    static SafeZip open(Path file) {
        Map<String, Entry> entries = scan(file);
        try {
            return new SafeZip(file, new ZipFile(file.toFile(), StandardCharsets.UTF_8), entries);
        } catch (ZipException e) {
            throw new PackageException(file.getFileName() + " is not a readable ZIP package (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new PackageException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    Map<String, Entry> entries() {
        return entries;
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    /** The entry's bytes, refusing more than {@code limit} actually inflated. */
    byte[] read(String name, long limit) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        copy(name, out, limit, null);
        return out.toByteArray();
    }

    /** Strict UTF-8 text of the entry. */
    String readText(String name, long limit) {
        return utf8(read(name, limit), name);
    }

    /** Copies the entry into {@code target} (a name chosen by the caller); returns its SHA-256. */
    String extract(String name, Path target, long limit) {
        MessageDigest md = PackageWriter.digest();
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            copy(name, out, limit, md);
        } catch (IOException e) {
            throw new PackageException("cannot stage " + name + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private void copy(String name, OutputStream out, long limit, MessageDigest md) {
        Entry e = entries.get(name);
        if (e == null || e.directory()) {
            throw new PackageException("the package has no " + name);
        }
        ZipEntry ze = zip.getEntry(name);
        if (ze == null) {
            throw new PackageException("the package has no " + name);
        }
        byte[] buf = new byte[1 << 16];
        long count = 0;
        try (InputStream in = zip.getInputStream(ze)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                count += n;
                inflatedTotal += n;
                if (count > limit) {
                    throw new PackageException(name + " is larger than the limit of " + mb(limit) + " for this kind of file");
                }
                if (inflatedTotal > PackageLimits.MAX_TOTAL_BYTES) {
                    throw new PackageException("the package unpacks to more than " + mb(PackageLimits.MAX_TOTAL_BYTES)
                            + ": refused as a possible ZIP bomb");
                }
                if (count > PackageLimits.RATIO_GRACE_BYTES && count > Math.max(1, e.compressedSize()) * PackageLimits.MAX_RATIO) {
                    throw new PackageException(name + " inflates more than " + PackageLimits.MAX_RATIO
                            + " times its compressed size: refused as a possible ZIP bomb");
                }
                if (md != null) {
                    md.update(buf, 0, n);
                }
                out.write(buf, 0, n);
            }
        } catch (ZipException | java.io.EOFException ex) {
            throw new PackageException(name + " in " + file.getFileName() + " is damaged or truncated (" + ex.getMessage() + ")", ex);
        } catch (IOException ex) {
            throw new PackageException("cannot read " + name + ": " + ex.getMessage(), ex);
        }
    }

    static String utf8(byte[] bytes, String what) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new PackageException(what + " is not valid UTF-8", e);
        }
    }

    static String mb(long bytes) {
        return bytes >= 1 << 30 ? String.format(Locale.ROOT, "%.0f GB", bytes / 1073741824.0)
                : String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read-only
        }
    }

    /** Reads the central directory and refuses anything unsafe. */
    static Map<String, Entry> scan(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 22) {
                throw new PackageException(file.getFileName() + " is not a ZIP package (too short; truncated?)");
            }
            int tailLen = (int) Math.min(size, 22 + 65535);
            ByteBuffer tail = ByteBuffer.allocate(tailLen).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(tail, size - tailLen);
            int eocd = -1;
            for (int i = tailLen - 22; i >= 0; i--) {
                if (tail.getInt(i) == EOCD_SIG) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new PackageException(file.getFileName() + " is not a complete ZIP package (no end of central directory: truncated or not a ZIP)");
            }
            int total = Short.toUnsignedInt(tail.getShort(eocd + 10));
            long cenSize = Integer.toUnsignedLong(tail.getInt(eocd + 12));
            long cenOffset = Integer.toUnsignedLong(tail.getInt(eocd + 16));
            if (total == 0xFFFF || cenSize == 0xFFFFFFFFL || cenOffset == 0xFFFFFFFFL) {
                throw new PackageException(file.getFileName() + " is a ZIP64 archive; story packages are never that large");
            }
            if (total > PackageLimits.MAX_ENTRIES) {
                throw new PackageException(file.getFileName() + " has " + total + " entries; the limit is " + PackageLimits.MAX_ENTRIES);
            }
            long eocdPos = size - tailLen + eocd;
            if (cenOffset + cenSize > eocdPos || cenSize > 64L * 1024 * 1024) {
                throw new PackageException(file.getFileName() + " is damaged or truncated (central directory out of range)");
            }
            ByteBuffer cen = ByteBuffer.allocate((int) cenSize).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(cen, cenOffset);
            Map<String, Entry> out = new LinkedHashMap<>();
            List<String> lower = new ArrayList<>();
            int pos = 0;
            for (int i = 0; i < total; i++) {
                if (pos + 46 > cenSize || cen.getInt(pos) != CEN_SIG) {
                    throw new PackageException(file.getFileName() + " is damaged (bad central directory entry " + (i + 1) + ")");
                }
                int madeBy = Short.toUnsignedInt(cen.getShort(pos + 4));
                int method = Short.toUnsignedInt(cen.getShort(pos + 10));
                long csize = Integer.toUnsignedLong(cen.getInt(pos + 20));
                long usize = Integer.toUnsignedLong(cen.getInt(pos + 24));
                int nameLen = Short.toUnsignedInt(cen.getShort(pos + 28));
                int extraLen = Short.toUnsignedInt(cen.getShort(pos + 30));
                int commentLen = Short.toUnsignedInt(cen.getShort(pos + 32));
                long extAttr = Integer.toUnsignedLong(cen.getInt(pos + 38));
                if (pos + 46 + nameLen > cenSize) {
                    throw new PackageException(file.getFileName() + " is damaged (entry name out of range)");
                }
                byte[] nameBytes = new byte[nameLen];
                cen.get(pos + 46, nameBytes);
                String name = utf8(nameBytes, "an entry name");
                checkName(name);
                int host = madeBy >> 8;
                int mode = (int) (extAttr >>> 16);
                if (host == 3 && (mode & 0xF000) == 0xA000) {
                    throw new PackageException("entry " + name + " is a symbolic link; packages may not contain links");
                }
                if (out.containsKey(name) || lower.contains(name.toLowerCase(Locale.ROOT))) {
                    throw new PackageException("entry " + name + " appears twice in the package");
                }
                if (method != ZipEntry.STORED && method != ZipEntry.DEFLATED) {
                    throw new PackageException("entry " + name + " uses an unsupported compression method (" + method + ")");
                }
                lower.add(name.toLowerCase(Locale.ROOT));
                out.put(name, new Entry(name, method, csize, usize, name.endsWith("/")));
                pos += 46 + nameLen + extraLen + commentLen;
            }
            return out;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PackageException("no such file: " + file, e);
        } catch (IOException e) {
            throw new PackageException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Refuses absolute paths, parent references, backslashes, drive letters and control characters. */
    static void checkName(String name) {
        if (name.isEmpty() || name.length() > PackageLimits.MAX_NAME_CHARS) {
            throw new PackageException("an entry has an empty or overlong name");
        }
        String shown = name.replaceAll("\\p{Cntrl}", "?");
        if (name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*") || name.contains(":")) {
            throw new PackageException("entry " + shown + " has an absolute or platform-specific path; refused");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new PackageException("entry " + shown + " has control characters in its name; refused");
            }
        }
        String body = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String part : body.split("/", -1)) {
            if (part.isEmpty() || part.equals("..") || part.equals(".")) {
                throw new PackageException("entry " + shown + " points outside the package; refused");
            }
        }
    }
}
