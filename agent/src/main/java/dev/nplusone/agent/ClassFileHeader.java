package dev.nplusone.agent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the agent needs to know of a class file, read straight from its bytes without a bytecode library: its
 * supertypes and which hooks its declared methods call for. Every class the application loads passes here,
 * so it walks the constant pool once and builds a string only for a method that carries a hooked name.
 *
 * @param superName  the superclass (internal name), null for {@code java/lang/Object} and module infos
 * @param interfaces the directly implemented interfaces (internal names)
 * @param hooks      the hooks of the methods it declares; empty for almost every class
 * @param dataSourceShaped whether it declares both of {@code DataSource}'s {@code getConnection} methods: hooked
 *                   even when the class does not implement {@code DataSource} itself, because a base class such as
 *                   Tomcat JDBC's {@code DataSourceProxy} or PostgreSQL's {@code BaseDataSource} holds the methods its
 *                   {@code DataSource} subclass inherits, and is loaded (so woven or not) before the subclass is seen
 */
record ClassFileHeader(String superName, List<String> interfaces, Set<Hook> hooks, boolean dataSourceShaped) {
    /** {@code DataSource}'s two {@code getConnection} methods, which a base class may declare without implementing it. */
    private static final Set<String> DATA_SOURCE_METHODS = Set.of("()Ljava/sql/Connection;",
            "(Ljava/lang/String;Ljava/lang/String;)Ljava/sql/Connection;");

    private static final byte[][] METHOD_NAMES = Hook.METHOD_NAMES.stream()
            .map(name -> name.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    private static final byte[][] MARKERS = Hook.MARKERS.stream()
            .map(name -> name.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    private static final int MAGIC = 0xCAFEBABE;

    /** Reads a class file; throws an unchecked exception when it is not one. */
    static ClassFileHeader read(byte[] classFile) {
        return new Reader(classFile).header();
    }

    /** Reads a class file whose constant pool holds a hooked method name; null, sooner, for any other. */
    static ClassFileHeader readIfHookable(byte[] classFile) {
        Reader reader = new Reader(classFile);
        return reader.holdsHookedName ? reader.header() : null;
    }

    /** A cursor over one class file; {@code entries[i]} is where constant {@code i}'s content starts. */
    private static final class Reader {
        private final byte[] bytes;
        private final int[] entries;
        private int at;
        private boolean holdsHookedName;

        Reader(byte[] bytes) {
            this.bytes = bytes;
            if (readInt(0) != MAGIC) {
                throw new IllegalArgumentException("not a class file");
            }
            this.entries = new int[readShort(8)];
            this.at = 10;
            for (int i = 1; i < entries.length; i++) {
                entries[i] = at + 1;
                int tag = bytes[at] & 0xFF;
                if (tag == 1 && !holdsHookedName) {
                    holdsHookedName = holdsOneOf(MARKERS, i);
                }
                at += 1 + constantSize(tag);
                if (tag == 5 || tag == 6) { // Long and Double take two slots
                    i++;
                }
            }
        }

        private int constantSize(int tag) {
            switch (tag) {
                case 1: return 2 + readShort(at + 1);
                case 7: case 8: case 16: case 19: case 20: return 2;
                case 15: return 3;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: return 4;
                case 5: case 6: return 8;
                default: throw new IllegalArgumentException("unknown constant pool tag " + tag);
            }
        }

        ClassFileHeader header() {
            int superIndex = readShort(at + 4);
            String superName = superIndex == 0 ? null : className(superIndex);
            int interfaceCount = readShort(at + 6);
            at += 8;
            List<String> interfaces = new ArrayList<>(interfaceCount);
            for (int i = 0; i < interfaceCount; i++, at += 2) {
                interfaces.add(className(readShort(at)));
            }
            skipMembers();
            Set<Hook> hooks = EnumSet.noneOf(Hook.class);
            int dataSourceMethods = 0;
            int methods = readShort(at);
            at += 2;
            for (int i = 0; i < methods; i++) {
                int nameIndex = readShort(at + 2);
                if (holdsOneOf(METHOD_NAMES, nameIndex)) {
                    String descriptor = utf8(readShort(at + 4));
                    Hook hook = Hook.of(readShort(at), utf8(nameIndex), descriptor);
                    if (hook != null) {
                        hooks.add(hook);
                        if (hook == Hook.CONNECTION && DATA_SOURCE_METHODS.contains(descriptor)) {
                            dataSourceMethods++;
                        }
                    }
                }
                skipMember();
            }
            return new ClassFileHeader(superName, interfaces, hooks, dataSourceMethods == DATA_SOURCE_METHODS.size());
        }

        private void skipMembers() {
            int count = readShort(at);
            at += 2;
            for (int i = 0; i < count; i++) {
                skipMember();
            }
        }

        /** A field or method: access, name, descriptor, then its attributes. */
        private void skipMember() {
            int attributes = readShort(at + 6);
            at += 8;
            for (int i = 0; i < attributes; i++) {
                at += 6 + readInt(at + 2);
            }
        }

        private boolean holdsOneOf(byte[][] names, int utf8Index) {
            int start = entries[utf8Index];
            int length = readShort(start);
            for (byte[] name : names) {
                if (name.length == length && sameBytes(name, start + 2)) {
                    return true;
                }
            }
            return false;
        }

        private boolean sameBytes(byte[] expected, int from) {
            for (int i = 0; i < expected.length; i++) {
                if (bytes[from + i] != expected[i]) {
                    return false;
                }
            }
            return true;
        }

        private String className(int classIndex) {
            return utf8(readShort(entries[classIndex]));
        }

        /** Class and member names in class files are modified UTF-8, which is plain UTF-8 for anything a JDBC or servlet name holds. */
        private String utf8(int utf8Index) {
            int start = entries[utf8Index];
            return new String(bytes, start + 2, readShort(start), StandardCharsets.UTF_8);
        }

        private int readShort(int offset) {
            return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
        }

        private int readInt(int offset) {
            return (readShort(offset) << 16) | readShort(offset + 2);
        }
    }
}
