package dev.nplusone.spring;

/**
 * Whether the nplusone agent runs in this JVM: it then watches the connections and the requests itself, and the
 * starter steps aside so that nothing is recorded twice. A {@code -javaagent} jar (or one attached later) is always
 * on the system class path, which is where its entry point is looked for.
 */
final class AgentDetection {
    static final String AGENT_CLASS = "dev.nplusone.agent.NPlusOneAgent";

    private AgentDetection() {
    }

    static boolean agentAttached() {
        try {
            Class.forName(AGENT_CLASS, false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
