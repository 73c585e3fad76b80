package org.bucn.tracker.infrastructure.db;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine settings that need code rather than {@code camunda.bpm.*} properties, applied before the
 * engine is built.
 */
@Component
class EngineTuning extends AbstractProcessEnginePlugin {

  static final String DATATYPE_FACTORY = "javax.xml.datatype.DatatypeFactory";

  /**
   * The engine reads every timer's duration with a new {@code DatatypeFactory}, and without this
   * property each one searches the class path's jars for a provider: a tenth of the time of a step
   * that starts a timer. The JDK's own factory, as that search finds anyway.
   */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (System.getProperty(DATATYPE_FACTORY) == null) {
      System.setProperty(
          DATATYPE_FACTORY, "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
    }
  }
}
