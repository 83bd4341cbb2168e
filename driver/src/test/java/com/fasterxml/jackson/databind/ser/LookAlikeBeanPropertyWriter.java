package com.fasterxml.jackson.databind.ser;

import java.util.List;

/** Test look-alike of Jackson's property writer: reads a bean's property through its getter, reflectively. */
public final class LookAlikeBeanPropertyWriter {
    private LookAlikeBeanPropertyWriter() {
    }

    /** Serialises each bean's property, as a response writer does after the controller returned. */
    public static Runnable serializingAll(List<?> beans, String getter) {
        return () -> {
            for (Object bean : beans) {
                try {
                    serializeAsField(bean, getter);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    public static Object serializeAsField(Object bean, String getter) throws ReflectiveOperationException {
        return bean.getClass().getMethod(getter).invoke(bean);
    }
}
