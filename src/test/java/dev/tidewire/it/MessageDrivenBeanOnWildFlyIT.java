package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link MessageDrivenBeans} on WildFly: one EAR holds the resource adapter and the WAR, and the WAR's
 * {@code jboss-ejb3.xml} binds the MDB to the adapter (WildFly's default MDB adapter is its messaging broker's,
 * which this slim server does not provision).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "tidewire.it.server", matches = "wildfly") // -Dit.test overrides the pom's excludes
class MessageDrivenBeanOnWildFlyIT extends WithJavaClients {
    private static final String EAR = "tidewire-mdb";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        WebArchive war = MessageDrivenBeans.relayWar().addAsWebInfResource(new StringAsset("""
                <jboss:ejb-jar xmlns:jboss="urn:jboss:domain:ejb3:1.0" xmlns="https://jakarta.ee/xml/ns/jakartaee"
                               xmlns:mdb="urn:resource-adapter-binding" version="4.0">
                  <assembly-descriptor>
                    <mdb:resource-adapter-binding>
                      <ejb-name>InboxRelay</ejb-name>
                      <mdb:resource-adapter-name>%s.ear#%s.rar</mdb:resource-adapter-name>
                    </mdb:resource-adapter-binding>
                  </assembly-descriptor>
                </jboss:ejb-jar>
                """.formatted(EAR, MessageDrivenBeans.RAR)), "jboss-ejb3.xml");
        return ShrinkWrap.create(EnterpriseArchive.class, EAR + ".ear")
                .addAsModule(MessageDrivenBeans.resourceAdapter())
                .addAsModule(war)
                .setApplicationXML(new StringAsset("""
                        <application xmlns="https://jakarta.ee/xml/ns/jakartaee" version="10">
                          <initialize-in-order>true</initialize-in-order>
                          <module><connector>%s.rar</connector></module>
                          <module><web><web-uri>%s</web-uri><context-root>/</context-root></web></module>
                        </application>
                        """.formatted(MessageDrivenBeans.RAR, war.getName())));
    }

    @Test
    void aMessageDrivenBeanEmitsToARoom() throws Exception {
        MessageDrivenBeans.aMessageDrivenBeanEmitsToARoom(clients, base);
    }
}
