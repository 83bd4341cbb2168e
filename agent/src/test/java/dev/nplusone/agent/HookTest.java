package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import net.bytebuddy.jar.asm.Opcodes;

class HookTest {
    @ParameterizedTest(name = "{0}{1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "connect       | (Ljava/lang/String;Ljava/util/Properties;)Ljava/sql/Connection;                              | CONNECTION",
        "getConnection | ()Ljava/sql/Connection;                                                                        | CONNECTION",
        "getConnection | (Ljava/lang/String;Ljava/lang/String;)Ljava/sql/Connection;                                   | CONNECTION",
        "getConnection | (Ljava/lang/String;)Ljava/sql/Connection;                                                     | none",
        "getConnection | ()Lcom/zaxxer/hikari/pool/HikariProxyConnection;                                               | none",
        "connect       | (Ljava/lang/Object;Ljava/util/Properties;)Ljava/sql/Connection;                              | none",
        "service       | (Ljakarta/servlet/ServletRequest;Ljakarta/servlet/ServletResponse;)V                          | REQUEST",
        "service       | (Ljavax/servlet/ServletRequest;Ljavax/servlet/ServletResponse;)V                              | REQUEST",
        "service       | (Ljakarta/servlet/http/HttpServletRequest;Ljakarta/servlet/http/HttpServletResponse;)V        | none",
        "doFilter      | (Ljakarta/servlet/ServletRequest;Ljakarta/servlet/ServletResponse;Ljakarta/servlet/FilterChain;)V | REQUEST",
        "doFilter      | (Ljavax/servlet/ServletRequest;Ljavax/servlet/ServletResponse;Ljavax/servlet/FilterChain;)V | REQUEST",
        "doFilter      | (Ljavax/servlet/ServletRequest;Ljavax/servlet/ServletResponse;)V                              | none",
        "doFilter      | (Ljavax/servlet/ServletRequest;Ljavax/servlet/ServletResponse;Ljakarta/servlet/FilterChain;)V | none",
        "prepare       | ()Ljava/sql/Connection;                                                                        | none",
    })
    void recognises_hooked_methods_by_name_and_descriptor(String name, String descriptor, Hook expected) {
        assertEquals(expected, Hook.of(Opcodes.ACC_PUBLIC, name, descriptor));
    }

    @ParameterizedTest
    @CsvSource({"1024", "8", "256"}) // abstract, static, native
    void leaves_methods_without_a_body_of_their_own_or_without_this(int modifier) {
        assertEquals(null, Hook.of(Opcodes.ACC_PUBLIC | modifier, "getConnection", "()Ljava/sql/Connection;"));
    }
}
