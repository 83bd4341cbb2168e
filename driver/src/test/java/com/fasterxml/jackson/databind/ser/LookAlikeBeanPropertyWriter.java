package com.fasterxml.jackson.databind.ser;

/** Test look-alike of Jackson's property writer: reads a bean's property through its getter, reflectively. */
public final class LookAlikeBeanPropertyWriter {
    private LookAlikeBeanPropertyWriter() {
    }

    public static Object serializeAsField(Object bean, String getter) throws ReflectiveOperationException {
        return bean.getClass().getMethod(getter).invoke(bean);
    }
}
