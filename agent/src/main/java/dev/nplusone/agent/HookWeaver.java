package dev.nplusone.agent;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Weaves the hook calls into a class's hooked methods with ASM's core API alone: a call on entry, a call
 * before each return, and a catch-all handler at the end that calls the hook and rethrows. The weaving adds
 * no local variable (the hooks keep their state per thread), so the method's own stack map frames stay valid
 * as they are and only the handler needs one; nothing is computed that would load a class. Everything else
 * in the class is copied unparsed.
 */
final class HookWeaver extends ClassVisitor {
    /** Class files before Java 6 have no stack map frames. */
    private static final int FIRST_VERSION_WITH_FRAMES = Opcodes.V1_6;
    private static final Object[] NO_LOCALS = {};
    private static final Object[] THROWABLE_ON_STACK = {"java/lang/Throwable"};

    private final MethodSelector selector;
    private boolean frames;

    private HookWeaver(ClassVisitor writer, MethodSelector selector) {
        super(Opcodes.ASM9, writer);
        this.selector = selector;
    }

    /** The class file with its hooked methods ({@link Hook}) woven. */
    static byte[] weave(byte[] classFile) {
        return weave(classFile, Hook::of);
    }

    /** The class file with the methods {@code selector} picks woven. */
    static byte[] weave(byte[] classFile, MethodSelector selector) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new HookWeaver(writer, selector), ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /** Which calls a declared method gets woven, or null for none. */
    @FunctionalInterface
    interface MethodSelector {
        WovenCalls select(int access, String name, String descriptor);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        frames = (version & 0xFFFF) >= FIRST_VERSION_WITH_FRAMES;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
        WovenCalls calls = selector.select(access, name, descriptor);
        return calls == null ? method : new HookedMethod(method, calls, frames);
    }

    private static final class HookedMethod extends MethodVisitor {
        private final WovenCalls hook;
        private final boolean frames;
        private final Label start = new Label();
        private final Label end = new Label();

        HookedMethod(MethodVisitor method, WovenCalls hook, boolean frames) {
            super(Opcodes.ASM9, method);
            this.hook = hook;
            this.frames = frames;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            hook.enter(mv);
            super.visitLabel(start);
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                hook.beforeReturn(mv);
            }
            super.visitInsn(opcode);
        }

        /**
         * The handler comes last in the exception table, so the method's own handlers still catch first.
         * Its frame declares no locals: it reads none, and so it holds whatever the method kept in them.
         */
        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitLabel(end);
            Label handler = new Label();
            super.visitLabel(handler);
            if (frames) {
                super.visitFrame(Opcodes.F_NEW, 0, NO_LOCALS, 1, THROWABLE_ON_STACK);
            }
            hook.beforeThrow(mv);
            super.visitInsn(Opcodes.ATHROW);
            super.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
            super.visitMaxs(maxStack + WovenCalls.EXTRA_STACK, maxLocals);
        }
    }
}
