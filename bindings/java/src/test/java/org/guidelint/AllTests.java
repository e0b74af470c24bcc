package org.guidelint;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/** Every test of the Java binding. */
@RunWith(Suite.class)
@Suite.SuiteClasses({
  LibraryTest.class,
  LintTest.class,
  EngineConfigTest.class,
  ErrorsTest.class,
  PrePublishHookTest.class,
  LifecycleTest.class
})
public class AllTests {}
