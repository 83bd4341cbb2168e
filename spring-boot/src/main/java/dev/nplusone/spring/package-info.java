/**
 * The Spring Boot starter's auto-configuration: on the class path, nplusone watches every DataSource bean, opens a
 * scope per MVC request named by its route, carries scopes across Spring's task executors, reads {@code nplusone.*}
 * from the application's configuration and serves {@code /actuator/nplusone}. Not an API to call: the classes are
 * public because Spring instantiates them.
 */
package dev.nplusone.spring;
